namespace CoachPortal.GpuCheck;

/// <summary>One model at one size.</summary>
internal sealed record CheckCase(string Name, ModelKind Kind, LossKind Loss, int Batch, int Steps, int Features, int Hidden, int Classes)
{
    public static IReadOnlyList<CheckCase> All { get; } =
    [
        // the GRU sizes are the goals, compared there with PyTorch's cuDNN GRU on the same GPU
        new("GRU small", ModelKind.GruForecaster, LossKind.MeanSquaredError, 256, 30, 6, 32, 0),
        new("GRU large", ModelKind.GruForecaster, LossKind.MeanSquaredError, 4096, 90, 6, 256, 0),
        new("Attention small", ModelKind.AttentionForecaster, LossKind.GaussianNll, 256, 30, 6, 32, 0),
        new("Attention large", ModelKind.AttentionForecaster, LossKind.GaussianNll, 1024, 90, 6, 128, 0),
        new("CNN small", ModelKind.SessionCnn, LossKind.CategoricalCrossEntropy, 256, 120, 4, 16, 5),
        new("CNN large", ModelKind.SessionCnn, LossKind.CategoricalCrossEntropy, 1024, 600, 4, 64, 5),
    ];

    public bool IsLarge => Name.EndsWith("large", StringComparison.Ordinal);
}
