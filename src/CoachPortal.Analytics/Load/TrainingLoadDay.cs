namespace CoachPortal.Analytics.Load;

/// <summary>One day of an athlete's training-load series (the row the portal stores and charts).</summary>
/// <param name="Date">Local calendar date.</param>
/// <param name="Load">Total load of the day in the primary metric.</param>
/// <param name="Ctl">Chronic training load (fitness).</param>
/// <param name="Atl">Acute training load (fatigue).</param>
/// <param name="Tsb">Training stress balance (form) = yesterday's CTL − yesterday's ATL.</param>
/// <param name="AcuteLoad">Mean daily load over the acute window.</param>
/// <param name="ChronicLoad">Mean daily load over the chronic window (coupled: it includes the acute window).</param>
/// <param name="AcwrRolling">AcuteLoad / ChronicLoad; NaN before enough history or when ChronicLoad is 0.</param>
/// <param name="AcuteEwma">Exponentially weighted acute load (Williams 2017).</param>
/// <param name="ChronicEwma">Exponentially weighted chronic load (Williams 2017).</param>
/// <param name="AcwrEwma">AcuteEwma / ChronicEwma; NaN before enough history or when ChronicEwma is 0.</param>
/// <param name="WeeklyLoad">Sum of the last 7 days' loads.</param>
/// <param name="Monotony">Mean / standard deviation of the last 7 daily loads (Foster 1998); NaN when undefined.</param>
/// <param name="Strain">WeeklyLoad × Monotony (Foster 1998).</param>
/// <param name="RampRate">CTL change over the last 7 days (points per week); NaN in the first week.</param>
public readonly record struct TrainingLoadDay(
    DateOnly Date,
    double Load,
    double Ctl,
    double Atl,
    double Tsb,
    double AcuteLoad,
    double ChronicLoad,
    double AcwrRolling,
    double AcuteEwma,
    double ChronicEwma,
    double AcwrEwma,
    double WeeklyLoad,
    double Monotony,
    double Strain,
    double RampRate);
