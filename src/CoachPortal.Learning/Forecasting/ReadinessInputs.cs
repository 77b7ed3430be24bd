namespace CoachPortal.Learning.Forecasting;

/// <summary>
/// Which of <see cref="ReadinessFeatures"/> a model reads, over how many days, and how the next report maps onto its
/// classes (the change from the rounded EWMA, clipped to ±<see cref="MaxChange"/>).
/// </summary>
public sealed class ReadinessInputs
{
    private readonly int[] _indices;

    /// <summary>Creates the layout.</summary>
    /// <exception cref="LearningException">an input name is unknown or the window is out of range</exception>
    public ReadinessInputs(IReadOnlyList<string> names, int windowDays, int maxChange, ChannelPriors priors)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(priors);
        _indices = [.. names.Select(n => ReadinessFeatures.Names.ToList().IndexOf(n))];
        if (_indices.Any(i => i < 0))
        {
            throw new LearningException($"unknown readiness inputs: {string.Join(", ", names.Where(n => !ReadinessFeatures.Names.Contains(n)))}");
        }

        if (windowDays < 1 || windowDays > ReadinessFeatures.WindowDays || maxChange < 1)
        {
            throw new LearningException($"the window must be 1–{ReadinessFeatures.WindowDays} days and the largest change at least 1");
        }

        Names = [.. names];
        WindowDays = windowDays;
        MaxChange = maxChange;
        Priors = priors;
    }

    /// <summary>Input names in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Days read.</summary>
    public int WindowDays { get; }

    /// <summary>Largest change from the rounded EWMA that has its own class.</summary>
    public int MaxChange { get; }

    /// <summary>The club's channel statistics.</summary>
    public ChannelPriors Priors { get; }

    /// <summary>Number of classes: changes −MaxChange … +MaxChange.</summary>
    public int Classes => (2 * MaxChange) + 1;

    /// <summary>The class of a report given the EWMA it is compared with.</summary>
    public int ClassOf(double readiness, double ewma) => (int)Math.Clamp(Math.Round(readiness) - Math.Round(ewma), -MaxChange, MaxChange) + MaxChange;

    /// <summary>The inputs of each sample and its EWMA of readiness.</summary>
    public (float[,,] Features, double[] Ewma) Build(IReadOnlyList<(WellnessSeries Series, int Day)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var full = new float[1, ReadinessFeatures.WindowDays, ReadinessFeatures.Count];
        var features = new float[samples.Count, WindowDays, _indices.Length];
        var ewma = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            ewma[i] = ReadinessFeatures.Fill(samples[i].Series, samples[i].Day, Priors, full, 0).Ewma;
            for (var t = 0; t < WindowDays; t++)
            {
                for (var j = 0; j < _indices.Length; j++)
                {
                    features[i, t, j] = full[0, ReadinessFeatures.WindowDays - WindowDays + t, _indices[j]];
                }
            }
        }

        return (features, ewma);
    }
}
