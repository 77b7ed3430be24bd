namespace CoachPortal.Learning.Training;

/// <summary>The dataset flattened to row-major host arrays (features, masks, targets or one-hot targets), with row gathering.</summary>
internal sealed class HostData
{
    public HostData(TrainingDataset dataset, LossKind loss, int classes)
    {
        Count = dataset.Count;
        int steps = dataset.Steps;
        int features = dataset.FeatureCount;
        FeatureWidth = steps * features;
        Features = new float[Count * FeatureWidth];
        Buffer.BlockCopy(dataset.Features, 0, Features, 0, Features.Length * sizeof(float));
        Mask = new float[Count * features];
        if (dataset.ChannelMask is { } mask)
        {
            Buffer.BlockCopy(mask, 0, Mask, 0, Mask.Length * sizeof(float));
        }
        else
        {
            Array.Fill(Mask, 1f);
        }

        TargetWidth = loss == LossKind.CategoricalCrossEntropy ? classes : 1;
        Targets = new float[Count * TargetWidth];
        for (int i = 0; i < Count; i++)
        {
            if (TargetWidth == 1)
            {
                Targets[i] = dataset.Targets[i];
            }
            else
            {
                Targets[i * TargetWidth + (int)dataset.Targets[i]] = 1f;
            }
        }

        MaskWidth = features;
    }

    public int Count { get; }

    public int FeatureWidth { get; }

    public int MaskWidth { get; }

    public int TargetWidth { get; }

    public float[] Features { get; }

    public float[] Mask { get; }

    public float[] Targets { get; }

    /// <summary>Fresh arrays for the given rows.</summary>
    public float[][] Rows(ReadOnlySpan<int> rows)
    {
        float[][] batch = [new float[rows.Length * FeatureWidth], new float[rows.Length * MaskWidth], new float[rows.Length * TargetWidth]];
        Gather(rows, batch);
        return batch;
    }

    /// <summary>Copies the given rows into preallocated batch arrays.</summary>
    public void Gather(ReadOnlySpan<int> rows, float[][] batch)
    {
        for (int r = 0; r < rows.Length; r++)
        {
            int i = rows[r];
            Features.AsSpan(i * FeatureWidth, FeatureWidth).CopyTo(batch[0].AsSpan(r * FeatureWidth));
            Mask.AsSpan(i * MaskWidth, MaskWidth).CopyTo(batch[1].AsSpan(r * MaskWidth));
            Targets.AsSpan(i * TargetWidth, TargetWidth).CopyTo(batch[2].AsSpan(r * TargetWidth));
        }
    }
}
