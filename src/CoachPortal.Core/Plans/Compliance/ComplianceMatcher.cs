using CoachPortal.Core.Plans.Calendar;

namespace CoachPortal.Core.Plans.Compliance;

/// <summary>
/// Pairs uploaded sessions with planned ones: same athlete and sport, one to one, on the planned day or within
/// <see cref="DayToleranceDays"/> of it (the same day first, then the nearest day, then the nearest duration). Athletes
/// shift a session by a day for weather, work or travel, and a coach reads that as done, not as one miss and one extra.
/// Colours: green within 80–120 % of the plan, amber within 50–150 %, red outside or missed, grey while still ahead.
/// </summary>
public static class ComplianceMatcher
{
    /// <summary>Days a session may be done before or after its planned day and still count for it.</summary>
    public const int DayToleranceDays = 1;

    public static IReadOnlyDictionary<int, CompletedSessionView> Match(IReadOnlyList<PlannedSessionView> planned, IReadOnlyList<CompletedSessionView> completed)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(completed);
        var pairs = from p in planned
                    where p.Status != PlannedSessionStatus.Skipped
                    from c in completed
                    let days = Math.Abs(c.Date.DayNumber - p.Date.DayNumber)
                    where c.AthleteId == p.AthleteId && days <= DayToleranceDays && string.Equals(c.Sport, p.Sport, StringComparison.OrdinalIgnoreCase)
                    orderby days, Math.Abs(c.DurationSeconds - p.DurationSeconds), p.Id, c.Id
                    select (p, c);
        var result = new Dictionary<int, CompletedSessionView>();
        var used = new HashSet<int>();
        foreach (var (p, c) in pairs)
        {
            if (!result.ContainsKey(p.Id) && used.Add(c.Id))
            {
                result[p.Id] = c;
            }
        }

        return result;
    }

    public static string Colour(double? percent, bool isPast) => percent switch
    {
        null => isPast ? "red" : "grey",
        >= 80 and <= 120 => "green",
        >= 50 and <= 150 => "amber",
        _ => "red",
    };
}
