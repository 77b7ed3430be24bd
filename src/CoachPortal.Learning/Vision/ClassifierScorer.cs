using System.Text.Json;
using CoachPortal.Learning.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.Learning.Vision;

/// <summary>Scores samples with a model from <see cref="ClassifierTrainer"/> in a plain ONNX Runtime session on the CPU.</summary>
public sealed class ClassifierScorer : IDisposable
{
    private const int Chunk = 32;
    private readonly InferenceSession _session;

    /// <exception cref="LearningException">the bytes are not a classifier made by the engine</exception>
    public ClassifierScorer(byte[] onnxBytes)
    {
        ArgumentNullException.ThrowIfNull(onnxBytes);
        Dictionary<string, string> metadata;
        try
        {
            metadata = OnnxWriter.ReadMetadata(onnxBytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            throw new LearningException("not an ONNX model", ex);
        }

        if (!metadata.TryGetValue(ClassifierTrainer.SampleShapeKey, out var shape))
        {
            throw new LearningException("not a classifier made by the learning engine");
        }

        SampleShape = JsonSerializer.Deserialize<int[]>(shape)!;
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(onnxBytes, options);
    }

    /// <summary>The shape of one sample.</summary>
    public int[] SampleShape { get; }

    /// <summary>The probability of the positive class for each sample.</summary>
    public float[] Probabilities(IReadOnlyList<float[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int width = SampleShape.Aggregate(1, (p, d) => p * d);
        var result = new float[samples.Count];
        for (int start = 0; start < samples.Count; start += Chunk)
        {
            int count = Math.Min(Chunk, samples.Count - start);
            var data = new float[count * width];
            for (int i = 0; i < count; i++)
            {
                if (samples[start + i].Length != width)
                {
                    throw new LearningException($"sample {start + i} holds {samples[start + i].Length} values, the model takes {width}");
                }

                samples[start + i].CopyTo(data, i * width);
            }

            using var input = OrtValue.CreateTensorValueFromMemory(data, [count, .. SampleShape.Select(d => (long)d)]);
            using var run = new RunOptions();
            using var outputs = _session.Run(run, [Vision.ClassifierBlueprint.InputsName], [input], [Vision.ClassifierBlueprint.ProbabilityName]);
            outputs[0].GetTensorDataAsSpan<float>().CopyTo(result.AsSpan(start, count));
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
