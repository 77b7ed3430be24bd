using System.IO.Compression;
using System.Text.Json;

namespace CoachPortal.Learning.Forecasting;

/// <summary>
/// A trained readiness forecaster: the seed ensemble (ONNX, scored by ONNX Runtime), its input layout and club priors,
/// and the forecast mode cross-validation chose. Stored as one zip (<see cref="ToBytes"/>). Scoring is thread-safe;
/// dispose to release the sessions.
/// </summary>
public sealed class ReadinessModel : IDisposable
{
    private readonly List<byte[]> _members;
    private readonly Lazy<ModelScorer[]> _scorers;

    internal ReadinessModel(List<byte[]> members, ReadinessInputs inputs, ForecastMode mode, double bandLow, double bandHigh, CrossValidationReport crossValidation)
    {
        _members = members;
        Inputs = inputs;
        Mode = mode;
        BandLow = bandLow;
        BandHigh = bandHigh;
        CrossValidation = crossValidation;
        _scorers = new Lazy<ModelScorer[]>(() => [.. _members.Select(b => new ModelScorer(b))]);
    }

    /// <summary>The input layout and club priors.</summary>
    public ReadinessInputs Inputs { get; }

    /// <summary>What the point forecast is (the network only when it won cross-validation).</summary>
    public ForecastMode Mode { get; }

    /// <summary>Lower quantile of the band.</summary>
    public double BandLow { get; }

    /// <summary>Upper quantile of the band.</summary>
    public double BandHigh { get; }

    /// <summary>Cross-validation inside the training period.</summary>
    public CrossValidationReport CrossValidation { get; }

    /// <summary>The club's channel statistics the features are shrunk towards.</summary>
    public ChannelPriors Priors => Inputs.Priors;

    /// <summary>Seeds in the ensemble.</summary>
    public int Seeds => _members.Count;

    /// <summary>Samples trained on.</summary>
    public int TrainingSamples { get; init; }

    /// <summary>Wall time of training, cross-validation included.</summary>
    public TimeSpan TrainingDuration { get; init; }

    /// <summary>The target days trained on.</summary>
    public string DataSpan { get; init; } = "";

    /// <summary>Forecasts readiness on D + 1 for each (series, D), from days ≤ D only.</summary>
    public ReadinessForecast[] Predict(IReadOnlyList<(WellnessSeries Series, int Day)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return [];
        }

        var (features, ewma) = Inputs.Build(samples);
        return Score(features, ewma);
    }

    internal ReadinessForecast[] Score(float[,,] features, double[] ewma)
    {
        var classes = Inputs.Classes;
        var probabilities = new double[ewma.Length, classes];
        foreach (var scorer in _scorers.Value)
        {
            var p = scorer.Score(features).ClassProbabilities!;
            for (var i = 0; i < ewma.Length; i++)
            {
                for (var k = 0; k < classes; k++)
                {
                    probabilities[i, k] += p[i, k] / _members.Count;
                }
            }
        }

        var result = new ReadinessForecast[ewma.Length];
        for (var i = 0; i < ewma.Length; i++)
        {
            var median = Quantile(probabilities, i, 0.5, ewma[i]);
            var point = Mode switch
            {
                ForecastMode.Network => median,
                ForecastMode.RoundedEwma => Math.Clamp(Math.Round(ewma[i]), 0, 10),
                _ => ewma[i],
            };
            var low = Quantile(probabilities, i, BandLow, ewma[i]);
            var high = Quantile(probabilities, i, BandHigh, ewma[i]);
            result[i] = new ReadinessForecast(point, Math.Min(low, point), Math.Max(high, point), ewma[i]);
        }

        return result;
    }

    /// <summary>The model as one zip: settings as JSON and each ONNX member.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var stored = new Stored(Inputs.Names.ToArray(), Inputs.WindowDays, Inputs.MaxChange, Priors.Mean, Priors.Spread, Mode, BandLow, BandHigh,
                _members.Count, CrossValidation, TrainingSamples, TrainingDuration.TotalSeconds, DataSpan);
            Write(zip, "model.json", JsonSerializer.SerializeToUtf8Bytes(stored));
            for (var m = 0; m < _members.Count; m++)
            {
                Write(zip, $"member-{m}.onnx", _members[m]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="LearningException">the bytes are not such a model</exception>
    public static ReadinessModel FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var s = JsonSerializer.Deserialize<Stored>(Read(zip, "model.json")) ?? throw new LearningException("the readiness model has no settings");
            var members = Enumerable.Range(0, s.Seeds).Select(m => Read(zip, $"member-{m}.onnx")).ToList();
            var inputs = new ReadinessInputs(s.Inputs, s.WindowDays, s.MaxChange, new ChannelPriors(s.Mean, s.Spread));
            return new ReadinessModel(members, inputs, s.Mode, s.BandLow, s.BandHigh, s.CrossValidation)
            {
                TrainingSamples = s.TrainingSamples,
                TrainingDuration = TimeSpan.FromSeconds(s.TrainingSeconds),
                DataSpan = s.DataSpan,
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or NullReferenceException or ArgumentException)
        {
            throw new LearningException("the bytes are not a readiness model", ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_scorers.IsValueCreated)
        {
            foreach (var s in _scorers.Value)
            {
                s.Dispose();
            }
        }
    }

    // the smallest whole-point report whose cumulative probability reaches q, on the 0–10 scale
    private double Quantile(double[,] probabilities, int row, double q, double ewma)
    {
        var cumulative = 0.0;
        var classes = Inputs.Classes;
        for (var k = 0; k < classes; k++)
        {
            cumulative += probabilities[row, k];
            if (cumulative >= q - 1e-9 || k == classes - 1)
            {
                return Math.Clamp(Math.Round(ewma) + k - Inputs.MaxChange, 0, 10);
            }
        }

        return Math.Clamp(Math.Round(ewma), 0, 10);
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(bytes);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new LearningException($"the readiness model has no {name}");
        using var source = entry.Open();
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record Stored(
        string[] Inputs, int WindowDays, int MaxChange, double[] Mean, double[] Spread, ForecastMode Mode, double BandLow, double BandHigh,
        int Seeds, CrossValidationReport CrossValidation, int TrainingSamples, double TrainingSeconds, string DataSpan);
}
