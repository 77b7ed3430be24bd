using CoachPortal.Analytics.Load;
using CoachPortal.Core.Teams;

namespace CoachPortal.Core.Load.Recompute;

/// <summary>The sessions of one local day summed per metric, and which source gave most of the primary load.</summary>
public sealed class DailyLoadBreakdown
{
    private readonly Dictionary<LoadSource, double> _bySource = [];

    public double PrimaryLoad { get; private set; }

    public double? TssLoad { get; private set; }

    public double? TrimpLoad { get; private set; }

    public double? SessionRpeLoad { get; private set; }

    public int SessionCount { get; private set; }

    public LoadSource DominantSource => _bySource.Count == 0 ? LoadSource.None : _bySource.MaxBy(p => p.Value).Key;

    /// <summary>Groups sessions by the athlete's local day (the session's own zone, else the team's) from <paramref name="fromDate"/> on.</summary>
    public static Dictionary<DateOnly, DailyLoadBreakdown> ByLocalDay(
        IEnumerable<SessionLoadRow> sessions, TimeZoneInfo teamZone, PrimaryLoadOptions options, DateOnly fromDate)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var days = new Dictionary<DateOnly, DailyLoadBreakdown>();
        foreach (var session in sessions.OrderBy(s => s.StartUtc))
        {
            var date = AthleteClock.LocalDateOf(session.StartUtc, session.TimeZoneId, teamZone);
            if (date < fromDate)
            {
                continue;
            }

            if (!days.TryGetValue(date, out var day))
            {
                day = new DailyLoadBreakdown();
                days[date] = day;
            }

            day.Add(session, PrimaryLoadSelector.Select(session.ToMeasures(), options));
        }

        return days;
    }

    private void Add(SessionLoadRow session, PrimaryLoad primary)
    {
        SessionCount++;
        PrimaryLoad += primary.Value;
        if (primary.Source != LoadSource.None)
        {
            _bySource[primary.Source] = _bySource.GetValueOrDefault(primary.Source) + primary.Value;
        }

        if ((session.Tss ?? session.HrTss) is { } tss)
        {
            TssLoad = (TssLoad ?? 0) + tss;
        }

        if (session.TrimpBanister is { } trimp)
        {
            TrimpLoad = (TrimpLoad ?? 0) + trimp;
        }

        if (session.SessionRpeLoad is { } srpe)
        {
            SessionRpeLoad = (SessionRpeLoad ?? 0) + srpe;
        }
    }

    internal void ApplyTo(DailyLoad row)
    {
        row.PrimarySource = DominantSource;
        row.TssLoad = TssLoad;
        row.TrimpLoad = TrimpLoad;
        row.SessionRpeLoad = SessionRpeLoad;
        row.SessionCount = SessionCount;
    }
}
