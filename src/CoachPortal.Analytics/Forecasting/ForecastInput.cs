using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Forecasting;

internal static class ForecastInput
{
    /// <summary>Checks the common preconditions and returns the observations ordered by day.</summary>
    public static List<PerformanceObservation> Validate(ReadOnlySpan<double> dailyLoads, IReadOnlyList<PerformanceObservation> observations, int firstForecastDay, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (horizonDays < 1 || firstForecastDay < 0 || firstForecastDay + horizonDays > dailyLoads.Length)
        {
            throw new AnalyticsInputException("The loads must cover every forecast day.");
        }

        if (observations.Count == 0)
        {
            throw new AnalyticsInputException("At least one observation is needed.");
        }

        var ordered = observations.OrderBy(o => o.DayIndex).ToList();
        if (ordered[^1].DayIndex >= firstForecastDay || ordered[0].DayIndex < 0)
        {
            throw new AnalyticsInputException("Observations must lie before the first forecast day.");
        }

        return ordered;
    }
}
