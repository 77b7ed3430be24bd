using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.Learning.Vision;

/// <summary>
/// Frozen ResNet18 features (He et al., 2016): the 512 values of the global average pool before the classifier, from
/// the ONNX model that Microsoft.ML.DnnImageFeaturizer.ResNet18 ships. Its own preprocessing model goes first: it
/// takes RGB planes of 0–255 values, reorders them to BGR and subtracts the training set's mean image. Both models
/// take one 224 × 224 image per run.
/// </summary>
public sealed class ResNetFeaturizer : IDisposable
{
    /// <summary>The input size the model was trained at.</summary>
    public const int ImageSize = 224;

    /// <summary>Width of the feature vector.</summary>
    public const int FeatureCount = 512;

    private const string PrepInput = "OriginalInput";
    private const string PrepOutput = "PreprocessedInput";
    private const string NetInput = "Input247";
    private const string NetOutput = "Pooling395_Output_0";

    private readonly InferenceSession _prep;
    private readonly InferenceSession _net;

    /// <param name="modelDirectory">the folder holding ResNet18Onnx/ and ResNetPrepOnnx/; default: DnnImageModels beside the application</param>
    /// <param name="intraOpThreads">ONNX Runtime's intra-op threads (0 = every core)</param>
    /// <exception cref="LearningException">the models are not there</exception>
    public ResNetFeaturizer(string? modelDirectory = null, int intraOpThreads = 0)
    {
        var directory = modelDirectory ?? Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        var net = Path.Combine(directory, "ResNet18Onnx", "ResNet18.onnx");
        var prep = Path.Combine(directory, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        if (!File.Exists(net) || !File.Exists(prep))
        {
            throw new LearningException($"ResNet18 models not found under {directory}; they are copied there from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package at build");
        }

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        _prep = new InferenceSession(prep, options);
        _net = new InferenceSession(net, options);
    }

    /// <summary>The 512 pooled features of an encoded image.</summary>
    public float[] Features(byte[] encodedImage) => FeaturesOfPixels(ImageTensors.FromEncoded(encodedImage, ImageSize, PixelScale.Bytes));

    /// <summary>The 512 pooled features of RGB planes [3, 224, 224] of 0–255 values (<see cref="PixelScale.Bytes"/>).</summary>
    public float[] FeaturesOfPixels(float[] rgbPlanes)
    {
        ArgumentNullException.ThrowIfNull(rgbPlanes);
        if (rgbPlanes.Length != 3 * ImageSize * ImageSize)
        {
            throw new LearningException($"ResNet18 takes [3, {ImageSize}, {ImageSize}] pixels");
        }

        long[] shape = [1, 3, ImageSize, ImageSize];
        using var run = new RunOptions();
        using var input = OrtValue.CreateTensorValueFromMemory(rgbPlanes, shape);
        using var prepared = _prep.Run(run, [PrepInput], [input], [PrepOutput]);
        using var features = _net.Run(run, [NetInput], [prepared[0]], [NetOutput]);
        return features[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _prep.Dispose();
        _net.Dispose();
    }
}
