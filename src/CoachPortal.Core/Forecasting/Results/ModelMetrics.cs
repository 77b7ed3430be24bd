using System.Text.Json.Serialization;
using CoachPortal.Learning.Evaluation;

namespace CoachPortal.Core.Forecasting.Results;

/// <summary>
/// A version's test-period metrics: the model's, every baseline's, how training went and the promotion judgement.
/// Stored as JSON in the version's metrics column.
/// </summary>
public sealed record ModelMetrics
{
    public static ModelMetrics Empty { get; } = new();

    /// <summary>The model's metrics by name (mae, rmse; brier, logloss; accuracy, macroF1…).</summary>
    [JsonPropertyName("model")]
    public IReadOnlyDictionary<string, double> Model { get; init; } = new Dictionary<string, double>();

    /// <summary>Each baseline's metrics by baseline name, then metric name.</summary>
    [JsonPropertyName("baselines")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Baselines { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, double>>();

    [JsonPropertyName("training")]
    public TrainingSummary? Training { get; init; }

    /// <summary>The training job's judgement (<see cref="PromotionRule"/>); null for a version registered before the rule.</summary>
    [JsonPropertyName("promotion")]
    public PromotionDecision? Promotion { get; init; }

    /// <summary>For a technique version: what it learnt from and what it showed; null for the forecasts.</summary>
    [JsonPropertyName("technique")]
    public TechniqueSummary? Technique { get; init; }
}
