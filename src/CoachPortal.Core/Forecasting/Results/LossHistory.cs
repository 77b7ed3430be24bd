namespace CoachPortal.Core.Forecasting.Results;

/// <summary>A run's losses epoch by epoch, as the training job reports them.</summary>
public sealed record LossHistory(IReadOnlyList<LossPoint> Points)
{
    public static LossHistory Empty { get; } = new([]);

    public bool IsEmpty => Points.Count == 0;
}
