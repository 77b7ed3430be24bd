namespace CoachPortal.Learning.Forecasting;

/// <summary>A next-day readiness forecast with its band and the EWMA it corrects.</summary>
/// <param name="Point">the forecast (the conditional median, what minimises absolute error)</param>
/// <param name="Low">lower band edge (the model's lower quantile)</param>
/// <param name="High">upper band edge</param>
/// <param name="Baseline">the EWMA of readiness the model starts from</param>
public sealed record ReadinessForecast(double Point, double Low, double High, double Baseline);
