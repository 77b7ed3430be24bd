using System.Globalization;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Text;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// How a decoded activity becomes a training session, shared by the upload of files and the import of a whole
/// history archive: the checks that refuse it, the duplicate test (the same athlete, start and sport) and the build.
/// </summary>
internal static class ActivitySessions
{
    // Before GPS watches and FIT (whose epoch is 1989-12-31): an earlier start is a corrupt clock, not a session.
    private static readonly DateTime s_earliestPlausibleStartUtc = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Why the activity cannot become a session, or null with its start and sport.</summary>
    public static string? Refusal(Activity activity, DateTime nowUtc, out DateTime startUtc, out string sport)
    {
        startUtc = default;
        sport = SessionBuilder.SportName(activity.Sport);
        if (!activity.Streams.IsTimeBased)
        {
            return "The track has no times, so it cannot become a training session.";
        }

        if ((activity.StartTimeUtc ?? activity.Summary.StartTimeUtc) is not { } start)
        {
            return "The activity has no start time.";
        }

        if (activity.Streams.Count == 0 && activity.Summary.ElapsedSeconds is null)
        {
            return "The activity has no samples and no duration.";
        }

        startUtc = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        return IsPlausibleStart(startUtc, nowUtc)
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"The activity's start time ({startUtc:yyyy-MM-dd HH:mm} UTC) is not plausible; the device clock or the file is corrupt.");
    }

    /// <summary>The session already stored for this athlete with the same start and sport, if any.</summary>
    public static Task<int?> ExistingAsync(AppDbContext db, int athleteId, DateTime startUtc, string sport, CancellationToken ct) =>
        db.TrainingSessions.AsNoTracking()
            .Where(s => s.AthleteId == athleteId && s.StartUtc == startUtc && s.Sport == sport)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

    /// <summary>Analyses the activity into a session (not yet added); the analysis may throw on a bad activity.</summary>
    public static TrainingSession Build(Athlete athlete, Activity activity, DateTime startUtc, string sport, string? creator, DecodeDamage? damage, DateTime nowUtc)
    {
        var session = SessionBuilder.Build(athlete, sport, startUtc, SessionBuilder.ColumnsOf(activity.Streams), activity.Summary);
        session.SubSport = activity.SubSport == SubSport.Generic
            ? (activity.Sport is Sport.Generic or Sport.Running or Sport.Cycling or Sport.Swimming ? null : activity.Sport.ToString())
            : activity.SubSport.ToString();
        session.Title = TextLimits.Truncate(activity.Name, 200);
        session.DeviceName = TextLimits.Truncate(activity.Creator ?? creator, 120);
        session.CreatedUtc = nowUtc;
        session.Laps = SessionBuilder.LapsOf(activity.Laps, startUtc);
        // A damaged file's session is kept aside until the coach or the athlete keeps it (or discards it).
        session.RecoveredPercent = damage?.RecoveredPercent;
        session.AwaitingReview = damage is not null;
        return session;
    }

    /// <summary>A start after 1990 and no later than a day from now (time zones, a fast device clock).</summary>
    public static bool IsPlausibleStart(DateTime startUtc, DateTime nowUtc) =>
        startUtc >= s_earliestPlausibleStartUtc && startUtc <= nowUtc.AddDays(1);
}
