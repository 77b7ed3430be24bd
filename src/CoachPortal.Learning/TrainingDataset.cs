namespace CoachPortal.Learning;

/// <summary>
/// Samples in time order: features [sample, step, feature] (days for the forecasters, resampled stream points for the
/// CNN), one target per sample (a value, 0/1, or a class index), and optional channel presence masks [sample, feature]
/// (1 present, 0 missing; missing channels are zeroed after normalisation).
/// </summary>
public sealed class TrainingDataset
{
    /// <summary>Creates a dataset; the arrays are used as given, not copied.</summary>
    public TrainingDataset(float[,,] features, float[] targets, float[,]? channelMask = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.GetLength(0) != targets.Length)
        {
            throw new LearningException($"features have {features.GetLength(0)} samples but targets {targets.Length}");
        }

        if (channelMask is not null && (channelMask.GetLength(0) != targets.Length || channelMask.GetLength(1) != features.GetLength(2)))
        {
            throw new LearningException("the channel mask must be [samples, features]");
        }

        Features = features;
        Targets = targets;
        ChannelMask = channelMask;
    }

    /// <summary>[sample, step, feature].</summary>
    public float[,,] Features { get; }

    /// <summary>One per sample.</summary>
    public float[] Targets { get; }

    /// <summary>[sample, feature], or null when every channel is present.</summary>
    public float[,]? ChannelMask { get; }

    /// <summary>Feature names, written to the model's metadata. Optional.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>The period the samples cover (e.g. "2025-01-01/2025-12-31"), written to the model's metadata. Optional.</summary>
    public string? DataSpan { get; init; }

    /// <summary>Number of samples.</summary>
    public int Count => Targets.Length;

    /// <summary>Steps per sample.</summary>
    public int Steps => Features.GetLength(1);

    /// <summary>Features per step.</summary>
    public int FeatureCount => Features.GetLength(2);
}
