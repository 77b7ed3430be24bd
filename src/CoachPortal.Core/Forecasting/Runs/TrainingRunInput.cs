using CoachPortal.Learning;

namespace CoachPortal.Core.Forecasting.Runs;

/// <summary>What the Models page asks for: target, architecture, scope and a few hyper-parameters with sane defaults.</summary>
public sealed class TrainingRunInput
{
    public ForecastTarget Target { get; set; } = ForecastTarget.Readiness;

    public ModelKind Architecture { get; set; } = ModelKind.GruForecaster;

    public ModelScope Scope { get; set; } = ModelScope.Team;

    /// <summary>Required for <see cref="ModelScope.Team"/>.</summary>
    public int? TeamId { get; set; }

    /// <summary>Days of history each forecast sees (default 14).</summary>
    public int WindowDays { get; set; } = 14;

    /// <summary>
    /// Passes over the training data (default 40; early stopping usually ends a run after 10–20). Fewer left the
    /// demo team's readiness models behind persistence (docs/benchmarks.md).
    /// </summary>
    public int Epochs { get; set; } = 40;

    /// <summary>GRU state or attention width (default 16).</summary>
    public int HiddenSize { get; set; } = 16;

    public double LearningRate { get; set; } = 3e-3;

    /// <summary>Samples per step (default 32: a team's history is a few thousand samples, so smaller batches learn faster).</summary>
    public int BatchSize { get; set; } = 32;
}
