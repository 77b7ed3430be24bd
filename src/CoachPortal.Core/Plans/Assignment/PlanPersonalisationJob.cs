using CoachPortal.Core.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>Personalises a team's new assignments off the circuit. Re-entrant: assignments already personalised are skipped.</summary>
public sealed class PlanPersonalisationJob(IDbContextFactory<AppDbContext> dbFactory, PlanPersonalisationService personaliser)
{
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(int[] assignmentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assignmentIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.PlanAssignments.Where(a => assignmentIds.Contains(a.Id) && a.PersonalisedUtc == null).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in pending)
        {
            ct.ThrowIfCancellationRequested();
            await personaliser.PersonaliseAsync(id, ct);
        }
    }
}
