using CoachPortal.Core.Wellness;

namespace CoachPortal.Core.Load.Board;

/// <summary>The thresholds of the team board's flags and its "needs attention" order.</summary>
public static class BoardRules
{
    public const double AcwrThreshold = 1.5;
    public const double MonotonyThreshold = 2.0;
    public const int MissingCheckInDaysThreshold = 3;

    /// <summary>A drop counts when the latest score is this many points (or one SD, if larger) below the baseline mean.</summary>
    public const double WellnessDropPoints = 10;

    /// <summary>Baseline check-ins needed before a drop can be flagged.</summary>
    public const int WellnessBaselineMinimum = 5;

    public static IReadOnlyList<BoardAlert> Evaluate(DailyLoad? latestLoad, IReadOnlyList<WellnessCheckIn> checkInsLast35Days, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(checkInsLast35Days);
        var flags = new List<BoardAlert>();
        if (latestLoad is not null && (latestLoad.AcwrRolling > AcwrThreshold || latestLoad.AcwrEwma > AcwrThreshold))
        {
            flags.Add(BoardAlert.HighAcwr);
        }

        if (latestLoad?.Monotony > MonotonyThreshold)
        {
            flags.Add(BoardAlert.HighMonotony);
        }

        if (MissingCheckInDays(checkInsLast35Days, today) >= MissingCheckInDaysThreshold)
        {
            flags.Add(BoardAlert.MissingCheckIns);
        }

        if (IsWellnessDrop(checkInsLast35Days, today))
        {
            flags.Add(BoardAlert.WellnessDrop);
        }

        return flags;
    }

    /// <summary>Days of the last seven (today included) without a check-in.</summary>
    public static int MissingCheckInDays(IReadOnlyList<WellnessCheckIn> checkIns, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var first = today.AddDays(-6);
        return 7 - checkIns.Where(c => c.Date >= first && c.Date <= today).Select(c => c.Date).Distinct().Count();
    }

    /// <summary>
    /// The latest score of the last three days against the mean and SD of the 28 days before it: a drop of at least
    /// max(SD, 10 points). Individual baselines rather than fixed cut-offs, as athletes use the scales differently.
    /// </summary>
    public static bool IsWellnessDrop(IReadOnlyList<WellnessCheckIn> checkIns, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var latest = checkIns.Where(c => c.Date <= today && c.Date >= today.AddDays(-2)).OrderByDescending(c => c.Date)
            .Select(c => (c.Date, Score: WellnessScore.Of(c))).FirstOrDefault(c => c.Score is not null);
        if (latest.Score is not { } score)
        {
            return false;
        }

        var baseline = checkIns.Where(c => c.Date < latest.Date && c.Date >= latest.Date.AddDays(-28))
            .Select(WellnessScore.Of).OfType<double>().ToList();
        if (baseline.Count < WellnessBaselineMinimum)
        {
            return false;
        }

        var mean = baseline.Average();
        var sd = Math.Sqrt(baseline.Sum(b => (b - mean) * (b - mean)) / (baseline.Count - 1));
        return score <= mean - Math.Max(sd, WellnessDropPoints);
    }

    /// <summary>Weight of the flags for the "needs attention" order: load spikes and wellness drops first.</summary>
    public static int AttentionScore(IReadOnlyList<BoardAlert> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return flags.Sum(f => f switch
        {
            BoardAlert.HighAcwr => 3,
            BoardAlert.WellnessDrop => 3,
            BoardAlert.HighMonotony => 2,
            _ => 1,
        });
    }
}
