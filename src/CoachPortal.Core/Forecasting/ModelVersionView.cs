using CoachPortal.Learning;

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
    public bool BeatsBaseline => TestError < BestBaselineError;
}
