namespace CoachPortal.Learning.Vision;

/// <summary>
/// Labelled samples of one shape for binary classification: images [3, H, W], features [F] or keypoint sequences
/// [T, F], each flattened row-major into one array.
/// </summary>
public sealed class ClassifierDataset
{
    /// <param name="samples">one flattened array per sample, each of the sample shape's size</param>
    /// <param name="labels">the class of each sample (true is the positive class)</param>
    /// <param name="sampleShape">the shape of one sample</param>
    /// <exception cref="LearningException">the counts or sizes do not agree</exception>
    public ClassifierDataset(IReadOnlyList<float[]> samples, IReadOnlyList<bool> labels, params int[] sampleShape)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sampleShape);
        int size = sampleShape.Aggregate(1, (p, d) => p * d);
        if (samples.Count != labels.Count || samples.Count == 0)
        {
            throw new LearningException($"{samples.Count} samples and {labels.Count} labels: need one label per sample and at least one sample");
        }

        if (samples.Any(s => s.Length != size))
        {
            throw new LearningException($"every sample must hold {size} values for the shape [{string.Join(", ", sampleShape)}]");
        }

        Samples = samples;
        Labels = labels;
        SampleShape = sampleShape;
    }

    /// <summary>The flattened samples.</summary>
    public IReadOnlyList<float[]> Samples { get; }

    /// <summary>The labels.</summary>
    public IReadOnlyList<bool> Labels { get; }

    /// <summary>The shape of one sample.</summary>
    public int[] SampleShape { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Samples.Count;

    /// <summary>The samples at the given positions, as a new dataset.</summary>
    public ClassifierDataset Subset(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var r = rows.ToArray();
        return new ClassifierDataset(r.Select(i => Samples[i]).ToArray(), r.Select(i => Labels[i]).ToArray(), SampleShape);
    }
}
