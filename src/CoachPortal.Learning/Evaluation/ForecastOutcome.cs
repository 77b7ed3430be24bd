namespace CoachPortal.Learning.Evaluation;

/// <summary>One held-out day: what happened, what the model said and what the best baseline said.</summary>
/// <param name="Athlete">whose day (the bootstrap resamples athletes, not days)</param>
/// <param name="Actual">the observed value</param>
/// <param name="Model">the model's forecast</param>
/// <param name="Baseline">the best baseline's forecast</param>
public sealed record ForecastOutcome(string Athlete, double Actual, double Model, double Baseline);
