using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Core.Sessions;

/// <summary>
/// Stored form of a session's mean-maximal curves: one value per standard duration, in the order of
/// <see cref="MeanMaximalCurve.StandardDurationsSeconds"/>, null where the curve has no valid window (NaN does not
/// survive JSON), and non-increasing with duration.
/// </summary>
public static class SessionCurves
{
    /// <summary>The values to store for a computed curve; null for no curve or an empty one.</summary>
    public static List<double?>? ToStored(MeanMaximalCurve? curve)
    {
        if (curve is null || curve.Values.Count == 0)
        {
            return null;
        }

        var stored = new double?[curve.Values.Count];
        var longer = double.NegativeInfinity;
        for (var i = curve.Values.Count - 1; i >= 0; i--)
        {
            if (curve.DurationsSeconds[i] != MeanMaximalCurve.StandardDurationsSeconds[i])
            {
                throw new ArgumentException("Only curves over the standard durations can be stored.", nameof(curve));
            }

            // Whatever was held for a longer duration was also held for every shorter one, so a raw best mean that
            // dips below a longer one (a window padded by a pause, say) is raised to it: the stored curve never rises.
            var v = curve.Values[i];
            if (double.IsFinite(v))
            {
                longer = Math.Max(longer, v);
                stored[i] = Math.Round(longer, 3);
            }
        }

        return [.. stored];
    }

    /// <summary>Rebuilds a stored curve; null when nothing was stored.</summary>
    public static MeanMaximalCurve? FromStored(IReadOnlyList<double?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var count = Math.Min(values.Count, MeanMaximalCurve.StandardDurationsSeconds.Count);
        var durations = new int[count];
        var best = new double[count];
        for (var i = 0; i < count; i++)
        {
            durations[i] = MeanMaximalCurve.StandardDurationsSeconds[i];
            best[i] = values[i] ?? double.NaN;
        }

        return MeanMaximalCurve.FromValues(durations, best);
    }
}
