namespace CoachPortal.Learning.Forecasting;

/// <summary>What time-series cross-validation inside the training period found.</summary>
/// <param name="Folds">folds run</param>
/// <param name="Samples">validation samples over all folds</param>
/// <param name="Mode">the forecast chosen (the lowest MAE)</param>
/// <param name="EwmaMae">the EWMA's MAE on the validation samples</param>
/// <param name="RoundedEwmaMae">the rounded EWMA's MAE</param>
/// <param name="NetworkMae">the network ensemble's MAE</param>
public sealed record CrossValidationReport(int Folds, int Samples, ForecastMode Mode, double EwmaMae, double RoundedEwmaMae, double NetworkMae);
