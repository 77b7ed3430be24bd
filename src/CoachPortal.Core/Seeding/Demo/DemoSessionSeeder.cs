using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Seeding.Demo;

/// <summary>
/// Gives the demo team three months of generated sessions, stored as imports store them (compressed streams,
/// metrics from the analysis). Idempotent: athletes who already have sessions are skipped.
/// </summary>
public sealed class DemoSessionSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<DemoSessionSeeder> logger)
{
    /// <summary>Days of sessions a demo athlete gets by default (ending yesterday).</summary>
    public const int DefaultDays = 91;

    public Task SeedAsync(string demoTeamName, CancellationToken ct = default) => SeedAsync(demoTeamName, DefaultDays, ct);

    public async Task SeedAsync(string demoTeamName, int days, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athletes = await db.Athletes.AsNoTracking()
            .Where(a => a.Team!.Name == demoTeamName && !db.TrainingSessions.Any(s => s.AthleteId == a.Id))
            .OrderBy(a => a.Id).ToListAsync(ct);
        if (athletes.Count == 0)
        {
            return;
        }

        var started = clock.GetTimestamp();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var work = athletes
            .SelectMany((athlete, i) => DemoSessionGenerator.Schedule(athlete, today, days, seed: 1000 + i)
                .Select((plan, k) => (Athlete: athlete, Plan: plan, Seed: (i * 1000) + k)))
            .ToList();
        var built = new TrainingSession[work.Count];

        // Generation, compression and analysis are CPU work: spread them over the cores, then write once.
        Parallel.For(0, work.Count, new ParallelOptions { CancellationToken = ct }, j =>
        {
            var (athlete, plan, seed) = work[j];
            var columns = DemoSessionGenerator.Streams(athlete, plan, seed);
            var session = SessionBuilder.Build(athlete, plan.Sport, plan.StartUtc, columns);
            session.Title = $"{char.ToUpperInvariant(plan.Label[0])}{plan.Label[1..]} {plan.Sport.ToLowerInvariant()}";
            // About one session in seven is left unlabelled, for the session model to classify.
            session.ClassLabel = seed % 7 == 3 ? null : plan.Label;
            session.DeviceName = "Demo generator";
            session.IsSimulated = true;
            session.Rpe = plan.Rpe;
            session.SessionRpeLoad = plan.Rpe * (session.DurationSeconds / 60.0); // Foster (2001)
            built[j] = session;
        });

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TrainingSessions.AddRange(built);

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo sessions: {Count} generated for {Athletes} athletes in {Elapsed}",
            built.Length, athletes.Count, clock.GetElapsedTime(started));
    }
}
