using System.Diagnostics;
using CoachPortal.Learning.Optimization;
using CoachPortal.Learning.Runtime;
using CoachPortal.Learning.Simulation;
using CoachPortal.Learning.Training;
using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.GpuCheck;

/// <summary>Builds a case's training program once and runs it on a device: parity steps, timed steps, timed inference.</summary>
internal sealed class CaseRunner
{
    private const int ParitySteps = 5;
    private const float LearningRate = 1e-3f;
    private readonly CheckCase _case;
    private readonly ModelBlueprint _blueprint;
    private readonly TrainingProgram _program;
    private readonly float[][] _batch;

    public CaseRunner(CheckCase c)
    {
        _case = c;
        var options = new TrainingOptions { HiddenSize = c.Hidden, AttentionHeads = 4, Seed = 11 };
        var normalization = new Normalization(new float[c.Features], Enumerable.Repeat(1f, c.Features).ToArray(), 0f, 1f);
        _blueprint = ModelBlueprint.Create(c.Kind, c.Loss, c.Steps, c.Features, c.Classes, options, normalization);
        _program = _blueprint.BuildProgram(new AdamWSettings());
        var random = new DeterministicRandom(3);
        var x = new float[c.Batch * c.Steps * c.Features];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)random.NextGaussian();
        }

        var mask = Enumerable.Repeat(1f, c.Batch * c.Features).ToArray();
        var targets = new float[c.Batch * Math.Max(1, c.Classes)];
        for (int n = 0; n < c.Batch; n++)
        {
            if (c.Classes > 0)
            {
                targets[n * c.Classes + random.NextInt(c.Classes)] = 1f;
            }
            else
            {
                targets[n] = (float)random.NextGaussian();
            }
        }

        _batch = [x, mask, targets];
    }

    public sealed record DeviceRun(ExecutionDevice Device, string Reason, float[] Losses, Dictionary<string, float[]> Parameters, double StepMs, double StepProcessCpuMs, double InferMs);

    /// <summary>Runs on the preferred device; null when CUDA was required and did not load.</summary>
    public DeviceRun? Run(DevicePreference preference, int timedSteps, int timedInferences, int threads)
    {
        TrainingStepRunner session;
        try
        {
            session = new TrainingStepRunner(_program, _case.Batch, preference, 0, threads, null);
        }
        catch (LearningException) when (preference == DevicePreference.Cuda)
        {
            return null;
        }

        using (session)
        {
            var losses = new float[ParitySteps];
            for (int i = 0; i < ParitySteps; i++)
            {
                losses[i] = session.Step(_batch, LearningRate);
            }

            var parameters = session.ReadState().Where(p => p.Key.StartsWith("p.", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var stepTimes = new double[timedSteps];
            // process CPU time is robust to other load on a shared machine; wall time is what a user waits
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < timedSteps; i++)
            {
                var clock = Stopwatch.StartNew();
                session.Step(_batch, LearningRate);
                stepTimes[i] = clock.Elapsed.TotalMilliseconds;
            }

            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, timedSteps);
            double inferMs = TimeInference(preference, parameters, timedInferences, threads);
            return new DeviceRun(session.Device, session.DeviceReason, losses, parameters, Median(stepTimes), cpuMs, inferMs);
        }
    }

    private double TimeInference(DevicePreference preference, Dictionary<string, float[]> parameters, int runs, int threads)
    {
        var onnx = _blueprint.ExportInference(parameters, new Dictionary<string, string>(StringComparer.Ordinal));
        var device = SessionFactory.Create(onnx, preference, 0, threads, null);
        using var session = device.Session;
        using var x = OrtValue.CreateTensorValueFromMemory(_batch[0], [_case.Batch, _case.Steps, _case.Features]);
        using var mask = OrtValue.CreateTensorValueFromMemory(_batch[1], [_case.Batch, _case.Features]);
        using var options = new RunOptions();
        var outputs = session.OutputMetadata.Keys.ToArray();
        var times = new double[runs + 1];
        for (int i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using var results = session.Run(options, [ModelBlueprint.FeaturesName, ModelBlueprint.ChannelMaskName], [x, mask], outputs);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        // the first run includes allocation and, on CUDA, kernel selection
        return Median(times[1..]);
    }

    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>max |a - b| / max |a| over the loss sequence and over each parameter tensor (the worst tensor).</summary>
    public static (double Loss, double Weights) Relative(DeviceRun cpu, DeviceRun cuda)
    {
        static double Rel(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second)) / Math.Max(1e-12, a.Max(v => Math.Abs(v)));
        return (Rel(cpu.Losses, cuda.Losses), cpu.Parameters.Max(p => Rel(p.Value, cuda.Parameters[p.Key])));
    }
}
