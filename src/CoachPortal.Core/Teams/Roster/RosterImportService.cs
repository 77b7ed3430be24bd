using CoachPortal.Core.Data;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Teams.Roster;

public sealed class RosterImportService(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs)
{
    /// <summary>Largest roster file accepted (1 MB is tens of thousands of athletes).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Stores the file and queues its import; returns the import's id for the progress view.</summary>
    public async Task<int> StartAsync(Caller caller, int teamId, string fileName, string content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, "Only the team's coaches may import its roster.");
        if (content.Length > MaxBytes)
        {
            throw new ValidationFailedException([new ValidationError("File", "The roster file is larger than 1 MB.")]);
        }

        var import = new RosterImport
        {
            TeamId = teamId,
            RequestedByUserId = caller.UserId,
            FileName = Path.GetFileName(fileName),
            Content = content,
            Status = RosterImportStatus.Queued,
        };
        db.RosterImports.Add(import);
        await db.SaveChangesAsync(ct);

        import.JobId = jobs.Enqueue<RosterImportJob>(JobQueues.Import, j => j.RunAsync(import.Id, CancellationToken.None));
        await db.SaveChangesAsync(ct);
        return import.Id;
    }

    public async Task<RosterImportView> GetAsync(Caller caller, int importId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.RosterImports.AsNoTracking().Include(r => r.Errors).FirstOrDefaultAsync(r => r.Id == importId, ct);
        if (import is null || !db.CanManageTeam(caller, import.TeamId))
        {
            throw new NotFoundException("Import not found.");
        }

        return RosterImportView.From(import);
    }

    public async Task<IReadOnlyList<RosterImportView>> ListForTeamAsync(Caller caller, int teamId, int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, "Only the team's coaches may import its roster.");
        var imports = await db.RosterImports.AsNoTracking().Include(r => r.Errors)
            .Where(r => r.TeamId == teamId).OrderByDescending(r => r.Id).Take(take).ToListAsync(ct);
        return imports.Select(RosterImportView.From).ToList();
    }
}
