using System.Globalization;
using CoachPortal.Learning.Runtime;
using CoachPortal.Learning.Training;
using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.Learning;

/// <summary>
/// Scores samples with a model from <see cref="TrainedModel.OnnxBytes"/>. Holds one ONNX Runtime session; create it
/// once per model and reuse it (session creation dominates a single small request). Thread-safe for concurrent
/// <see cref="Score"/> calls.
/// </summary>
public sealed class ModelScorer : IDisposable
{
    private const int Chunk = 1024;
    private readonly DeviceSession _session;
    private readonly string[] _outputs;

    /// <summary>Loads a model written by the engine.</summary>
    /// <param name="onnxBytes">the model</param>
    /// <param name="device">execution provider; CPU by default (scoring small batches is faster without device copies)</param>
    /// <param name="intraOpThreads">ONNX Runtime threads; 0 lets it choose</param>
    /// <exception cref="LearningException">the model was not written by this engine</exception>
    public ModelScorer(byte[] onnxBytes, DevicePreference device = DevicePreference.Cpu, int intraOpThreads = 0)
    {
        ArgumentNullException.ThrowIfNull(onnxBytes);
        Dictionary<string, string> metadata;
        try
        {
            metadata = Onnx.OnnxWriter.ReadMetadata(onnxBytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            throw new LearningException("the bytes are not an ONNX model", ex);
        }

        if (!metadata.TryGetValue(ModelMetadataKeys.Kind, out var kind) || !metadata.TryGetValue(ModelMetadataKeys.Loss, out var loss))
        {
            throw new LearningException("the model carries no CoachPortal metadata");
        }

        Metadata = metadata;
        Kind = Enum.Parse<ModelKind>(kind);
        Loss = Enum.Parse<LossKind>(loss);
        Steps = int.Parse(metadata[ModelMetadataKeys.Steps], CultureInfo.InvariantCulture);
        Features = int.Parse(metadata[ModelMetadataKeys.Features], CultureInfo.InvariantCulture);
        Classes = int.Parse(metadata[ModelMetadataKeys.Classes], CultureInfo.InvariantCulture);
        _session = SessionFactory.Create(onnxBytes, device, 0, intraOpThreads, null);
        _outputs = [.. _session.Session.OutputMetadata.Keys];
    }

    /// <summary>The architecture.</summary>
    public ModelKind Kind { get; }

    /// <summary>The objective it was trained with (decides the outputs).</summary>
    public LossKind Loss { get; }

    /// <summary>Steps per sample expected.</summary>
    public int Steps { get; }

    /// <summary>Features per step expected.</summary>
    public int Features { get; }

    /// <summary>Classes (categorical models).</summary>
    public int Classes { get; }

    /// <summary>All metadata_props of the model (see <see cref="ModelMetadataKeys"/>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Where the session runs.</summary>
    public ExecutionDevice Device => _session.Device;

    /// <summary>Scores samples [sample, step, feature] with optional channel masks [sample, feature] (all present when null).</summary>
    /// <exception cref="LearningException">the shapes do not match the model</exception>
    public ScoreResult Score(float[,,] features, float[,]? channelMask = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.GetLength(1) != Steps || features.GetLength(2) != Features)
        {
            throw new LearningException($"the model expects [samples, {Steps}, {Features}], got [{features.GetLength(0)}, {features.GetLength(1)}, {features.GetLength(2)}]");
        }

        int count = features.GetLength(0);
        var data = new HostData(new TrainingDataset(features, new float[count], channelMask), LossKind.MeanSquaredError, 0);
        var collected = _outputs.ToDictionary(o => o, _ => new List<float>(), StringComparer.Ordinal);
        using var run = new RunOptions();
        for (int start = 0; start < count; start += Chunk)
        {
            int n = Math.Min(Chunk, count - start);
            using var x = OrtValue.CreateTensorValueFromMemory(data.Features.AsMemory(start * data.FeatureWidth, n * data.FeatureWidth).ToArray(), [n, Steps, Features]);
            using var mask = OrtValue.CreateTensorValueFromMemory(data.Mask.AsMemory(start * Features, n * Features).ToArray(), [n, Features]);
            using var results = _session.Session.Run(run, [ModelBlueprint.FeaturesName, ModelBlueprint.ChannelMaskName], [x, mask], _outputs);
            for (int k = 0; k < _outputs.Length; k++)
            {
                collected[_outputs[k]].AddRange(results[k].GetTensorDataAsSpan<float>().ToArray());
            }
        }

        float[]? Vector(string name) => collected.TryGetValue(name, out var v) ? [.. v] : null;
        return new ScoreResult
        {
            Count = count,
            Mean = Vector("mean"),
            Variance = Vector("variance"),
            Probability = Vector("probability"),
            ClassProbabilities = collected.TryGetValue("probabilities", out var p) ? To2D(p, count, Classes) : null,
            Attention = collected.TryGetValue("attention", out var a) ? To2D(a, count, Steps) : null,
            Evidence = collected.TryGetValue("evidence", out var e) ? To3D(e, count, Steps, e.Count / Math.Max(1, count * Steps)) : null,
        };
    }

    private static float[,] To2D(List<float> values, int rows, int columns)
    {
        var result = new float[rows, columns];
        Buffer.BlockCopy(values.ToArray(), 0, result, 0, rows * columns * sizeof(float));
        return result;
    }

    private static float[,,] To3D(List<float> values, int a, int b, int c)
    {
        var result = new float[a, b, c];
        Buffer.BlockCopy(values.ToArray(), 0, result, 0, a * b * c * sizeof(float));
        return result;
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Session.Dispose();
}
