using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>One forecast for an athlete, written by <see cref="ModelScoringJob"/>.</summary>
public class ModelPrediction
{
    public long Id { get; set; }

    public int ModelVersionId { get; set; }

    public ModelVersion? ModelVersion { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public ForecastTarget Target { get; set; }

    /// <summary>The last day whose data the forecast used.</summary>
    public DateOnly AsOfDate { get; set; }

    /// <summary>Forecast mean (target units) or probability (injury risk).</summary>
    public double Value { get; set; }

    /// <summary>Lower end of the likely range (mean − 1.28 σ, an 80 % interval); equals <see cref="Value"/> when none.</summary>
    public double Lower { get; set; }

    public double Upper { get; set; }

    /// <summary>JSON array of the days that drove it: [{ "date": "yyyy-MM-dd", "weight": 0.31 }].</summary>
    public string ExplanationJson { get; set; } = "[]";

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
