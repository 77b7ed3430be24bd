using System.Text.Json.Serialization;

namespace CoachPortal.Core.Forecasting.Results;

/// <summary>One test-period day of one athlete: what happened, what the model said and what its best baseline said.</summary>
public sealed record TestSeriesPoint(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("athleteId")] int AthleteId,
    [property: JsonPropertyName("actual")] double Actual,
    [property: JsonPropertyName("predicted")] double Predicted,
    [property: JsonPropertyName("baseline")] double Baseline);
