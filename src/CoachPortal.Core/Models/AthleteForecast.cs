namespace CoachPortal.Core.Models;

/// <summary>The latest forecast of one target for an athlete, with its likely range and the days that drove it.</summary>
public sealed record AthleteForecast(
    int AthleteId,
    ForecastTarget Target,
    DateOnly AsOfDate,
    double Value,
    double Lower,
    double Upper,
    IReadOnlyList<ForecastDriver> Drivers,
    int ModelVersionId)
{
    /// <summary>The forecast in plain words, as athletes read it.</summary>
    public string Describe() => Target switch
    {
        ForecastTarget.Readiness => $"Readiness tomorrow: {Math.Round(Value):0}/10, likely range {Math.Round(Math.Max(1, Lower)):0}–{Math.Round(Math.Min(10, Upper)):0}",
        ForecastTarget.Performance => $"Next test: {Value:0.0} % of your first result, likely range {Lower:0.0}–{Upper:0.0} %",
        _ => $"Injury risk over the next 7 days: {Value * 100:0} % ({(Value >= 0.2 ? "high" : Value >= 0.1 ? "moderate" : "low")})",
    };
}
