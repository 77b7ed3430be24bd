using CoachPortal.Core.Forecasting.Datasets;

namespace CoachPortal.Core.Forecasting;

/// <summary>The label of a sample made on day D: read from days after D, never fed to the features.</summary>
public static class ForecastTargets
{
    /// <summary>Days ahead within which the next performance test counts.</summary>
    public const int PerformanceHorizonDays = 14;

    /// <summary>Days ahead within which an onset counts as an injury event.</summary>
    public const int InjuryHorizonDays = 7;

    /// <summary>The target for a sample ending on <paramref name="day"/>, or null when it is unknown or the day does not qualify.</summary>
    public static double? For(ForecastTarget target, AthleteHistory history, int day)
    {
        ArgumentNullException.ThrowIfNull(history);
        switch (target)
        {
            case ForecastTarget.Readiness:
                return day + 1 < history.Days && !double.IsNaN(history.Channels[DailyFeatures.Readiness][day + 1])
                    ? history.Channels[DailyFeatures.Readiness][day + 1]
                    : null;
            case ForecastTarget.Performance:
                for (var d = day + 1; d <= day + PerformanceHorizonDays && d < history.Days; d++)
                {
                    if (!double.IsNaN(history.TestIndex[d]))
                    {
                        return history.TestIndex[d];
                    }
                }

                return null;
            default:
                if (day + InjuryHorizonDays >= history.Days || history.Injured[day])
                {
                    return null;
                }

                for (var d = day + 1; d <= day + InjuryHorizonDays; d++)
                {
                    if (history.InjuryOnset[d])
                    {
                        return 1;
                    }
                }

                return 0;
        }
    }
}
