using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Teams;
using CoachPortal.Learning;

namespace CoachPortal.Core.Forecasting;

/// <summary>A registered model: how it was made, how it did on the test period next to the baselines, and its ONNX artifact.</summary>
public class ModelVersion
{
    public int Id { get; set; }

    /// <summary>The run that produced it; unique, so a re-run of the run never registers twice.</summary>
    public int TrainingRunId { get; set; }

    public ForecastTarget Target { get; set; }

    public ModelKind Architecture { get; set; }

    public ModelScope Scope { get; set; }

    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    public ModelVersionStatus Status { get; set; }

    /// <summary>First and last sample day, "yyyy-MM-dd/yyyy-MM-dd".</summary>
    public string DataSpan { get; set; } = "";

    /// <summary>SHA-256 of the dataset (features, masks, targets), hex.</summary>
    public string DataHash { get; set; } = "";

    public int TrainSamples { get; set; }

    public int TestSamples { get; set; }

    /// <summary>First day of the test period.</summary>
    public DateOnly TestFrom { get; set; }

    public string HyperParametersJson { get; set; } = "{}";

    /// <summary>Feature names, means and standard deviations from the training part, JSON.</summary>
    public string NormalizationJson { get; set; } = "{}";

    public string Device { get; set; } = "";

    public string DeviceReason { get; set; } = "";

    public double TrainingSeconds { get; set; }

    /// <summary>Name of the metric compared (mae for regression, brier for injury risk); lower is better.</summary>
    public string MetricName { get; set; } = "";

    /// <summary>The model's test error.</summary>
    public double TestError { get; set; }

    public string BestBaselineName { get; set; } = "";

    public double BestBaselineError { get; set; }

    /// <summary>All metrics of the model and every baseline on the test period (stored as JSON).</summary>
    public ModelMetrics Metrics { get; set; } = ModelMetrics.Empty;

    /// <summary>Predicted and actual values on the test period (capped), for the comparison on the Models page (stored as JSON).</summary>
    public ModelTestSeries TestSeries { get; set; } = ModelTestSeries.Empty;

    public byte[] OnnxBytes { get; set; } = [];

    public string? PromotionOverrideReason { get; set; }

    public string? PromotedByUserId { get; set; }

    public DateTime? PromotedUtc { get; set; }

    /// <summary>Why this version should be trained again (e.g. an athlete whose data it learnt from was erased); null when not.</summary>
    public string? RetrainReason { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    /// <summary>
    /// The registry's rule (<see cref="CoachPortal.Learning.Evaluation.PromotionRule"/>), as judged by the training job:
    /// better than the best baseline with the athlete-bootstrap interval on the winning side. A lower test error alone
    /// is not enough, and a version without the judgement does not count as better.
    /// </summary>
    public bool BeatsBaseline => Metrics.Promotion?.IsPromotable == true;
}
