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
    string MetricsJson,
    string TestSeriesJson,
    string? PromotionOverrideReason,
    DateTime? PromotedUtc,
    DateTime CreatedUtc)
{
    /// <summary>The training job's promotion judgement (null for a version registered before the rule).</summary>
    public PromotionDecision? Promotion => PromotionEvidence.Read(MetricsJson);

    /// <summary>Promotable without a written reason (see <see cref="ModelVersion.BeatsBaseline"/>).</summary>
    public bool BeatsBaseline => Promotion?.IsPromotable == true;
}
