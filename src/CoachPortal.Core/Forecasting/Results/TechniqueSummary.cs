using System.Text.Json.Serialization;

namespace CoachPortal.Core.Forecasting.Results;

/// <summary>
/// What a technique version learnt from and what it showed, kept in its metrics: the exercise filter, the labelled
/// samples, the athletes trained on and held out (athlete ids), and where covering the pose hurt the prediction most.
/// </summary>
public sealed record TechniqueSummary
{
    /// <summary>The exercise the labels were filtered on; null for every exercise.</summary>
    [JsonPropertyName("exercise")]
    public string? Exercise { get; init; }

    /// <summary>Labelled samples (clips of a video's frames, or photos).</summary>
    [JsonPropertyName("samples")]
    public int Samples { get; init; }

    [JsonPropertyName("goodSamples")]
    public int GoodSamples { get; init; }

    /// <summary>Frames in each clip; 1 for photos.</summary>
    [JsonPropertyName("windowFrames")]
    public int WindowFrames { get; init; }

    [JsonPropertyName("trainingAthletes")]
    public IReadOnlyList<string> TrainingAthletes { get; init; } = [];

    [JsonPropertyName("heldOutAthletes")]
    public IReadOnlyList<string> HeldOutAthletes { get; init; } = [];

    /// <summary>Accuracy of the model and of the best baseline on the held-out athletes.</summary>
    [JsonPropertyName("modelAccuracy")]
    public double ModelAccuracy { get; init; }

    [JsonPropertyName("baselineAccuracy")]
    public double BaselineAccuracy { get; init; }

    /// <summary>For a clip model, the frame offset from the labelled frame where covering the pose hurt most.</summary>
    [JsonPropertyName("occlusionPeakFrame")]
    public int? OcclusionPeakFrame { get; init; }

    /// <summary>For a photo model, the occlusion grid's cell (row-major) where covering hurt most.</summary>
    [JsonPropertyName("occlusionPeakCell")]
    public int? OcclusionPeakCell { get; init; }
}
