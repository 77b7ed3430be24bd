namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>
/// The stretch of an athlete's history that was really recorded day by day: from the first recorded day after the
/// last gap longer than <see cref="MaxGapDays"/> to the last recorded day. A recorded day has a session, a check-in,
/// a performance test or an injury onset. Daily loads alone do not count: one old upload fills every later day with
/// its decaying CTL, and an injury dataset built over those years learns only that injuries never happen.
/// </summary>
public static class MonitoredPeriod
{
    /// <summary>A longer gap between recorded days ends a period (a season break of four weeks still belongs to it).</summary>
    public const int MaxGapDays = 28;

    private const int Sessions = 7;

    /// <summary>First and last day index of the monitored period; (Days, -1) when nothing was recorded.</summary>
    public static (int First, int Last) Of(AthleteHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        int first = history.Days, last = -1;
        for (var d = 0; d < history.Days; d++)
        {
            if (!IsRecorded(history, d))
            {
                continue;
            }

            if (last < 0 || d - last > MaxGapDays)
            {
                first = d;
            }

            last = d;
        }

        return (first, last);
    }

    private static bool IsRecorded(AthleteHistory h, int day)
    {
        if (h.Channels[Sessions][day] > 0 || h.InjuryOnset[day] || !double.IsNaN(h.TestIndex[day]))
        {
            return true;
        }

        for (var c = DailyFeatures.Readiness; c < DailyFeatures.RecordedChannels; c++)
        {
            if (!double.IsNaN(h.Channels[c][day]))
            {
                return true;
            }
        }

        return false;
    }
}
