using CoachPortal.Core.Sessions;

namespace CoachPortal.Core.Forecasting;

/// <summary>What a model predicts for an athlete.</summary>
public enum ForecastTarget
{
    /// <summary>Tomorrow's wellness readiness (1–10).</summary>
    Readiness,

    /// <summary>The next performance-test result, as an index (100 = the athlete's first test, higher is better).</summary>
    Performance,

    /// <summary>Probability of an injury or illness onset within the next 7 days.</summary>
    InjuryRisk,

    /// <summary>The kind of a session (see <see cref="SessionClassLabels"/>), from its resampled streams; one prediction per session.</summary>
    SessionClass,

    /// <summary>
    /// Whether a labelled frame shows good technique or one to fix, learnt from the team's frame labels on the technique
    /// page; judged on athletes held out of training by error rate (1 − accuracy). Never scored as a daily forecast.
    /// </summary>
    Technique,
}
