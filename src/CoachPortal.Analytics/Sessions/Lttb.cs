namespace CoachPortal.Analytics.Sessions;

/// <summary>
/// Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013, "Downsampling Time Series for Visual
/// Representation"): keeps the first and last points and, per bucket, the point that forms the largest triangle
/// with its neighbours, so peaks survive and the shape stays true at a fraction of the points.
/// </summary>
public static class Lttb
{
    /// <summary>
    /// Indices of the kept points of (x, y), at most <paramref name="maxPoints"/>, in increasing order. Points whose
    /// y is NaN are skipped.
    /// </summary>
    public static int[] Select(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int maxPoints)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y differ in length.", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 3);
        var valid = new List<int>(x.Length);
        for (var i = 0; i < y.Length; i++)
        {
            if (!double.IsNaN(y[i]))
            {
                valid.Add(i);
            }
        }

        if (valid.Count <= maxPoints)
        {
            return [.. valid];
        }

        var result = new int[maxPoints];
        result[0] = valid[0];
        var bucketSize = (double)(valid.Count - 2) / (maxPoints - 2);
        var a = 0;
        for (var b = 0; b < maxPoints - 2; b++)
        {
            var nextStart = (int)Math.Floor((b + 1) * bucketSize) + 1;
            var nextEnd = Math.Min((int)Math.Floor((b + 2) * bucketSize) + 1, valid.Count);
            double avgX = 0, avgY = 0;
            var count = nextEnd - nextStart;
            if (count <= 0)
            {
                nextStart = valid.Count - 1;
                count = 1;
                nextEnd = valid.Count;
            }

            for (var j = nextStart; j < nextEnd; j++)
            {
                avgX += x[valid[j]];
                avgY += y[valid[j]];
            }

            avgX /= count;
            avgY /= count;

            var start = (int)Math.Floor(b * bucketSize) + 1;
            var end = (int)Math.Floor((b + 1) * bucketSize) + 1;
            var ax = x[valid[a]];
            var ay = y[valid[a]];
            var bestArea = -1.0;
            var best = start;
            for (var j = start; j < end; j++)
            {
                var area = Math.Abs(((ax - avgX) * (y[valid[j]] - ay)) - ((ax - x[valid[j]]) * (avgY - ay)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = j;
                }
            }

            result[b + 1] = valid[best];
            a = best;
        }

        result[^1] = valid[^1];
        return result;
    }
}
