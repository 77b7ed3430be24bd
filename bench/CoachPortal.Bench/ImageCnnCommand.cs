using System.Diagnostics;
using System.Globalization;
using CoachPortal.Learning;
using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Vision;

namespace CoachPortal.Bench;

/// <summary>
/// One training of the small image CNN (three conv–pool blocks, dense 128, one sigmoid output; Adam, binary
/// cross-entropy, batch 32) on rendered stick figures, arms up against arms down, then its accuracy on 200 more.
/// Usage: image-cnn [--frames N] [--size PIXELS] [--epochs N] [--device auto|cpu|cuda] [--threads N].
/// </summary>
internal static class ImageCnnCommand
{
    public static int Run(string[] args)
    {
        int frames = Option(args, "--frames", 1000);
        int size = Option(args, "--size", 224);
        int epochs = Option(args, "--epochs", 10);
        int threads = Option(args, "--threads", 0);
        int i = Array.IndexOf(args, "--device");
        var device = i >= 0 && i + 1 < args.Length ? Enum.Parse<DevicePreference>(args[i + 1], ignoreCase: true) : DevicePreference.Auto;

        var clock = Stopwatch.StartNew();
        var random = new Random(2026);
        var train = Render(frames, size, random);
        var test = Render(200, size, random);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rendered {frames} + 200 frames of {size}x{size} in {clock.Elapsed.TotalSeconds:F1} s"));

        clock.Restart();
        var options = new ClassifierOptions { Epochs = epochs, BatchSize = 32, Device = device, IntraOpThreads = threads, Log = Console.WriteLine };
        var model = ClassifierTrainer.Train(ClassifierKind.ImageCnn, train, options);
        var total = clock.Elapsed;
        using var scorer = new ClassifierScorer(model.OnnxBytes);
        var probabilities = scorer.Probabilities(test.Samples);
        double accuracy = probabilities.Select((p, k) => p >= 0.5 == test.Labels[k] ? 1.0 : 0.0).Average();

        Console.WriteLine($"device: {model.Device} ({model.DeviceReason}); cores: {Environment.ProcessorCount}");
        for (int e = 0; e < model.EpochDurations.Count; e++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {e + 1,2}: {model.EpochDurations[e].TotalSeconds,8:F1} s  loss {model.EpochLosses[e]:F4}"));
        }

        // the first epoch includes ORT's first-run allocations; the steady rate is the mean of the others
        var steady = model.EpochDurations.Count > 1 ? model.EpochDurations.Skip(1).Average(d => d.TotalSeconds) : model.EpochDurations[0].TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"image-cnn: frames={frames} size={size} epochs={epochs} device={model.Device} total_s={total.TotalSeconds:F1} first_epoch_s={model.EpochDurations[0].TotalSeconds:F1} steady_epoch_s={steady:F1} ten_epochs_s~{model.EpochDurations[0].TotalSeconds + (9 * steady):F0} train_acc={model.TrainingAccuracy:F3} heldout_acc={accuracy:F3}"));
        return 0;
    }

    private static ClassifierDataset Render(int count, int size, Random random)
    {
        var labels = Enumerable.Range(0, count).Select(k => k % 2 == 0).ToArray();
        var samples = labels.Select(up =>
        {
            using var bitmap = FigureRenderer.Render(up, size, random);
            return ImageTensors.FromBitmap(bitmap, size, PixelScale.UnitRange);
        }).ToArray();
        return new ClassifierDataset(samples, labels, 3, size, size);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
