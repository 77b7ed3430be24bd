namespace CoachPortal.Learning.Evaluation;

/// <summary>One held-out day of a risk model.</summary>
/// <param name="Athlete">whose day</param>
/// <param name="Event">the event happened within the horizon</param>
/// <param name="Probability">the model's probability</param>
/// <param name="BaseRate">the training period's event rate (the reference forecast of the Brier skill score)</param>
public sealed record RiskOutcome(string Athlete, bool Event, double Probability, double BaseRate);
