namespace CoachPortal.Learning.Forecasting;

/// <summary>Row ranges of a [sample, step, feature] array.</summary>
internal static class ReadinessFeatureSlice
{
    public static float[,,] Rows(float[,,] features, int from, int to)
    {
        var steps = features.GetLength(1);
        var width = features.GetLength(2);
        var result = new float[to - from, steps, width];
        Buffer.BlockCopy(features, from * steps * width * sizeof(float), result, 0, (to - from) * steps * width * sizeof(float));
        return result;
    }
}
