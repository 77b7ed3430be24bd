namespace CoachPortal.Analytics.Performance;

/// <summary>The best Banister fit over all starting points, with its residuals and fit quality.</summary>
/// <param name="Parameters">The fitted parameters.</param>
/// <param name="Residuals">Observed minus modelled performance, in the order of the observations given.</param>
/// <param name="RootMeanSquareError">RMS of the residuals, in the marker's unit.</param>
/// <param name="RSquared">1 − SS_res / SS_tot over the observations.</param>
/// <param name="StartsTried">Number of starting points fitted.</param>
public sealed record BanisterFitResult(
    BanisterParameters Parameters,
    IReadOnlyList<double> Residuals,
    double RootMeanSquareError,
    double RSquared,
    int StartsTried);
