using CoachPortal.Core.Plans.Calendar;

namespace CoachPortal.Core.Plans.Compliance;

/// <summary>
/// Pairs uploaded sessions with planned ones: same athlete, day and sport, one to one, nearest duration first.
/// Colours: green within 80–120 % of the plan, amber within 50–150 %, red outside or missed, grey while still ahead.
/// </summary>
public static class ComplianceMatcher
{
    public static IReadOnlyDictionary<int, CompletedSessionView> Match(IReadOnlyList<PlannedSessionView> planned, IReadOnlyList<CompletedSessionView> completed)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(completed);
        var pairs = from p in planned
                    where p.Status != PlannedSessionStatus.Skipped
                    from c in completed
                    where c.AthleteId == p.AthleteId && c.Date == p.Date && string.Equals(c.Sport, p.Sport, StringComparison.OrdinalIgnoreCase)
                    orderby Math.Abs(c.DurationSeconds - p.DurationSeconds), p.Id, c.Id
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
