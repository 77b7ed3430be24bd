using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Athletes;

public sealed class AthleteService(IDbContextFactory<AppDbContext> dbFactory, ChangeNotifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<AthleteSummary>> ListForTeamAsync(Caller caller, int teamId, bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException("Team not found.");
        }

        return await db.VisibleAthletes(caller)
            .Where(a => a.TeamId == teamId && (includeArchived || !a.IsArchived))
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new AthleteSummary(a.Id, a.TeamId, a.Team!.Name, a.FirstName, a.LastName, a.Sport, a.Position, a.Sex, a.IsArchived, a.UserId != null, a.Version))
            .ToListAsync(ct);
    }

    public async Task<Athlete> GetAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VisibleAthletes(caller).AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
    }

    /// <summary>The athlete profile linked to the caller's account, if any.</summary>
    public async Task<Athlete?> FindOwnAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Athletes.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.UserId == caller.UserId, ct);
    }

    public async Task<int> CreateAsync(Caller caller, int teamId, AthleteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, "Only the team's coaches may change its athletes.");
        Validate(input);
        var athlete = new Athlete { TeamId = teamId };
        Apply(athlete, input);
        db.Athletes.Add(athlete);
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Team(teamId));
        return athlete.Id;
    }

    /// <summary>
    /// Saves an edit made on a copy loaded with <paramref name="expectedVersion"/>; a newer save by someone else
    /// makes this one fail with <see cref="ConcurrencyConflictException"/> rather than overwrite it.
    /// </summary>
    public async Task<Guid> UpdateAsync(Caller caller, int athleteId, AthleteInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        var isSelf = athlete.UserId == caller.UserId;
        if (!isSelf)
        {
            db.RequireManageTeam(caller, athlete.TeamId, "Only the team's coaches may change its athletes.");
        }

        Validate(input);
        db.Entry(athlete).Property(a => a.Version).OriginalValue = expectedVersion;
        Apply(athlete, input);
        await SaveAsync(db, ct);
        notifier.Publish(Topics.Team(athlete.TeamId));
        notifier.Publish(Topics.Athlete(athlete.Id));
        return athlete.Version;
    }

    public async Task SetArchivedAsync(Caller caller, int athleteId, bool archived, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        db.RequireManageTeam(caller, athlete.TeamId, "Only the team's coaches may change its athletes.");
        db.Entry(athlete).Property(a => a.Version).OriginalValue = expectedVersion;
        athlete.IsArchived = archived;
        await SaveAsync(db, ct);
        notifier.Publish(Topics.Team(athlete.TeamId));
    }

    internal static void Apply(Athlete athlete, AthleteInput input)
    {
        athlete.FirstName = input.FirstName.Trim();
        athlete.LastName = input.LastName.Trim();
        athlete.BirthDate = input.BirthDate;
        athlete.Sex = input.Sex;
        athlete.Sport = Clean(input.Sport);
        athlete.Position = Clean(input.Position);
        athlete.BodyMassKg = input.BodyMassKg;
        athlete.HeartRateMaxBpm = input.HeartRateMaxBpm;
        athlete.HeartRateRestBpm = input.HeartRateRestBpm;
        athlete.LactateThresholdHeartRateBpm = input.LactateThresholdHeartRateBpm;
        athlete.FtpWatts = input.FtpWatts;
        athlete.ThresholdPaceSecondsPerKm = AthleteValidator.ParsePace(input.ThresholdPace);
        athlete.Email = Clean(input.Email);
    }

    private void Validate(AthleteInput input)
    {
        var errors = AthleteValidator.Validate(input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("athlete");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
