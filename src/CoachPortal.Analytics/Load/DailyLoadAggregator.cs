namespace CoachPortal.Analytics.Load;

/// <summary>Sums session loads into one value per calendar day of the athlete's time zone.</summary>
public static class DailyLoadAggregator
{
    /// <summary>
    /// The athlete's local date of an instant: a session that starts at 23:30 UTC belongs to the next day for an
    /// athlete in UTC+2. The day a session starts owns all of its load, even past midnight.
    /// </summary>
    public static DateOnly LocalDate(DateTimeOffset startTime, TimeZoneInfo athleteTimeZone)
    {
        ArgumentNullException.ThrowIfNull(athleteTimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startTime, athleteTimeZone).DateTime);
    }

    /// <summary>
    /// Daily load totals for every day from <paramref name="firstDate"/> to <paramref name="lastDate"/> inclusive;
    /// days without sessions are 0 (rest days). Loads outside the range are ignored.
    /// </summary>
    public static double[] Aggregate(IEnumerable<DatedLoad> loads, DateOnly firstDate, DateOnly lastDate)
    {
        ArgumentNullException.ThrowIfNull(loads);
        if (lastDate < firstDate)
        {
            throw new AnalyticsInputException($"Last date {lastDate} precedes first date {firstDate}.");
        }

        var first = firstDate.DayNumber;
        var days = new double[lastDate.DayNumber - first + 1];
        foreach (var load in loads)
        {
            var index = load.Date.DayNumber - first;
            if ((uint)index < (uint)days.Length)
            {
                days[index] += load.Load;
            }
        }

        return days;
    }
}
