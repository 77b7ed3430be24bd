namespace CoachPortal.Analytics.Sessions;

/// <summary>Aerobic decoupling Pa:HR (Friel 2009; Allen &amp; Coggan 2010).</summary>
public static class AerobicDecoupling
{
    /// <summary>
    /// Splits the paired samples into two halves and compares the efficiency factor EF = mean output / mean HR:
    /// decoupling % = (EF₁ − EF₂) / EF₁ × 100 (Friel 2009). Output is power or speed; a pair with a missing value
    /// or non-positive output is skipped. Positive values mean heart rate drifted up for the same output.
    /// Null with fewer than 2 valid pairs per half.
    /// </summary>
    public static double? PercentDecoupling(ReadOnlySpan<float> output, ReadOnlySpan<float> heartRateBpm)
    {
        if (output.Length != heartRateBpm.Length)
        {
            throw new AnalyticsInputException("Output and heart rate must have the same length.");
        }

        var valid = new List<int>(output.Length);
        for (var i = 0; i < output.Length; i++)
        {
            if (!float.IsNaN(output[i]) && !float.IsNaN(heartRateBpm[i]) && output[i] > 0 && heartRateBpm[i] > 0)
            {
                valid.Add(i);
            }
        }

        if (valid.Count < 4)
        {
            return null;
        }

        var half = valid.Count / 2;
        var first = Ef(output, heartRateBpm, valid, 0, half);
        var second = Ef(output, heartRateBpm, valid, half, valid.Count);
        return (first - second) / first * 100.0;

        static double Ef(ReadOnlySpan<float> output, ReadOnlySpan<float> hr, List<int> idx, int from, int to)
        {
            double sumOut = 0, sumHr = 0;
            for (var k = from; k < to; k++)
            {
                sumOut += output[idx[k]];
                sumHr += hr[idx[k]];
            }

            return sumOut / sumHr;
        }
    }
}
