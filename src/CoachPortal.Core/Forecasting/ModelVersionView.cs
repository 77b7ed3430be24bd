using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;

namespace CoachPortal.Core.Forecasting;

/// <summary>A model version as the Models page lists it (without the artifact bytes).</summary>
public sealed record ModelVersionView(
    int Id,
    int TrainingRunId,
    ForecastTarget Target,
    ModelKind Architecture,
    ModelScope Scope,
    int? TeamId,
    ModelVersionStatus Status,
    string DataSpan,
    string DataHash,
    int TrainSamples,
    int TestSamples,
    string HyperParametersJson,
    string Device,
    string DeviceReason,
    double TrainingSeconds,
    string MetricName,
    double TestError,
    string BestBaselineName,
    double BestBaselineError,
    ModelMetrics Metrics,
    ModelTestSeries TestSeries,
    string? PromotionOverrideReason,
    DateTime? PromotedUtc,
    DateTime CreatedUtc)
{
    /// <summary>The training job's promotion judgement (null for a version registered before the rule).</summary>
    public PromotionDecision? Promotion => Metrics.Promotion;

    /// <summary>Promotable without a written reason (see <see cref="ModelVersion.BeatsBaseline"/>).</summary>
    public bool BeatsBaseline => Promotion?.IsPromotable == true;
}
