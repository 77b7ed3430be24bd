using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Models;
using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Vision;
using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.Learning.Tests.Vision;

public sealed class ImageCnnTests
{
    [Fact]
    public void TheImageCnnLearnsRaisedArmsFromRenderedFiguresAndScoresHeldOutOnesAbove90Percent()
    {
        var random = new Random(42);
        var (train, test) = (Figures(320, 32, random), Figures(160, 32, random));

        var model = ClassifierTrainer.Train(ClassifierKind.ImageCnn, train, new ClassifierOptions { Epochs = 12, Device = DevicePreference.Cpu, IntraOpThreads = 2 });
        using var scorer = new ClassifierScorer(model.OnnxBytes);
        var probabilities = scorer.Probabilities(test.Samples);
        double accuracy = probabilities.Select((p, i) => p >= 0.5 == test.Labels[i] ? 1.0 : 0.0).Average();

        Assert.True(model.EpochLosses[^1] < model.EpochLosses[0], $"loss {model.EpochLosses[0]} -> {model.EpochLosses[^1]}");
        Assert.True(accuracy >= 0.9, $"held-out accuracy {accuracy:P1}");
        Assert.Equal(12, model.EpochDurations.Count);
        Assert.Equal(ExecutionDevice.Cpu, model.Device);
    }

    [Fact]
    public void TheExportedModelRunsInAPlainOrtSessionAndAgreesWithTheScorer()
    {
        var random = new Random(3);
        var data = Figures(8, 40, random);
        var model = ClassifierTrainer.Train(ClassifierKind.ImageCnn, data, new ClassifierOptions { Epochs = 1, BatchSize = 4, Device = DevicePreference.Cpu });

        using var session = new InferenceSession(model.OnnxBytes);
        var flat = data.Samples.SelectMany(s => s).ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [8, 3, 40, 40]);
        using var run = new RunOptions();
        using var outputs = session.Run(run, ["inputs"], [input], ["probability"]);
        var plain = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        using var scorer = new ClassifierScorer(model.OnnxBytes);

        Assert.Equal(scorer.Probabilities(data.Samples), plain);
        Assert.All(plain, p => Assert.InRange(p, 0f, 1f));
        Assert.Equal(new[] { 3, 40, 40 }, scorer.SampleShape);
    }

    [Fact]
    public void TheSeedNetworkAt224PixelsHasTheKnownShapes()
    {
        var g = new Graph();
        var images = g.Input("x", ElementType.Float, "N", 3, 224, 224);
        var logits = ImageCnnArchitecture.Build(g, images, new ParameterSet(g, 1));
        var flatten = g.Nodes.Single(n => n.Op == "Reshape").Outputs[0];

        Assert.Equal(26, ImageCnnArchitecture.FinalSize(224));
        Assert.Equal(128 * 26 * 26, flatten.Shape[1].Value);
        Assert.Equal(1, logits.Shape[1].Value);
        Assert.Equal(3, g.Nodes.Count(n => n.Op == "MaxPool"));
    }

    [Fact]
    public void AnImageTooSmallForThreeBlocksIsRefused()
    {
        var data = new ClassifierDataset([new float[3 * 20 * 20], new float[3 * 20 * 20]], [true, false], 3, 20, 20);

        Assert.Throws<LearningException>(() => ClassifierTrainer.Train(ClassifierKind.ImageCnn, data, new ClassifierOptions { Device = DevicePreference.Cpu }));
    }

    [Fact]
    public void EncodedImagesBecomeScaledRgbPlanes()
    {
        using var bitmap = new SkiaSharp.SKBitmap(4, 2);
        bitmap.Erase(new SkiaSharp.SKColor(255, 0, 51));
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);

        var planes = ImageTensors.FromEncoded(png.ToArray(), 8, PixelScale.UnitRange);

        Assert.Equal(3 * 64, planes.Length);
        Assert.All(planes[..64], v => Assert.Equal(1f, v, 1e-3f));
        Assert.All(planes[64..128], v => Assert.Equal(0f, v, 1e-3f));
        Assert.All(planes[128..], v => Assert.Equal(0.2f, v, 1e-3f));
        Assert.Throws<LearningException>(() => ImageTensors.FromEncoded([1, 2, 3], 8, PixelScale.UnitRange));
    }

    internal static ClassifierDataset Figures(int count, int size, Random random)
    {
        var labels = Enumerable.Range(0, count).Select(i => i % 2 == 0).ToArray();
        var samples = labels.Select(up => ImageTensors.FromEncoded(FigureRenderer.Png(up, size, random), size, PixelScale.UnitRange)).ToArray();
        return new ClassifierDataset(samples, labels, 3, size, size);
    }
}
