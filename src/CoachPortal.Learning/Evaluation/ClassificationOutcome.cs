namespace CoachPortal.Learning.Evaluation;

/// <summary>One held-out sample of a classifier: its class, the model's and the best baseline's predicted class.</summary>
/// <param name="Athlete">whose sample (the bootstrap resamples athletes, not samples)</param>
/// <param name="Actual">the labelled class</param>
/// <param name="Model">the model's class</param>
/// <param name="Baseline">the best baseline's class</param>
public sealed record ClassificationOutcome(string Athlete, bool Actual, bool Model, bool Baseline);
