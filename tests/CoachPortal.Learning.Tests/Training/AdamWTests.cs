using CoachPortal.Learning.Autodiff;
using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Onnx;
using CoachPortal.Learning.Optimization;
using CoachPortal.Learning.Runtime;

namespace CoachPortal.Learning.Tests.Training;

public sealed class AdamWTests
{
    // loss = sum(w * mean_n(x)) + sum(b * mean_n(x[:, 0, :])): the gradients are batch means of x, easy to state in C#
    private static (TrainingProgram Program, float[] W, float[] B) Program(AdamWSettings settings)
    {
        var g = new Graph();
        var x = g.Input("x", ElementType.Float, "N", 2, 3);
        var w = g.Input("p.w", ElementType.Float, 2, 3);
        var b = g.Input("p.b", ElementType.Float, 3);
        var mean = g.ReduceMean(x, [0]);
        var first = g.Squeeze(g.Slice(mean, [0], [1], [0]), 0);
        var loss = g.Identity(g.Add(g.ReduceSum(g.Mul(w, mean)), g.ReduceSum(g.Mul(b, first)))).Named("loss");
        float[] w0 = [0.5f, -0.25f, 1f, 0.1f, -0.7f, 0.3f];
        float[] b0 = [0.2f, -0.1f, 0.05f];
        var grads = Differentiator.Gradients(g, loss, [w, b]);
        var slots = AdamW.Build(g, [(w, w0), (b, b0)], grads, settings);
        var model = OnnxWriter.Write(g, [loss, .. slots.Select(s => s.Out)]);
        var program = new TrainingProgram(model, OnnxWriter.Write(g, [loss]), slots.Select(s => new StateSpec(s.In.Name, s.Out.Name, s.In.KnownShape, s.Initial)).ToArray(),
            [new DataSpec("x", [-1, 2, 3])], AdamW.LearningRateName, "loss", ["loss"]);
        return (program, w0, b0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void FiveGraphStepsEqualTheCSharpAdamWWithDecoupledDecayAndGlobalNormClipping(double clipNorm)
    {
        var settings = new AdamWSettings(WeightDecay: 0.1, ClipNorm: clipNorm);
        var (program, w, b) = Program(settings);
        using var session = new TrainingStepRunner(program, 4, DevicePreference.Cpu, 0, 1, null);
        var rng = new Random(5);
        float[] mw = new float[6], vw = new float[6], mb = new float[3], vb = new float[3];
        for (int step = 1; step <= 5; step++)
        {
            var x = Enumerable.Range(0, 24).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            float lr = 0.01f * step;
            session.Step([x], lr);

            var gw = new float[6];
            for (int n = 0; n < 4; n++)
            {
                for (int i = 0; i < 6; i++)
                {
                    gw[i] += x[n * 6 + i] / 4;
                }
            }

            var gb = gw[..3];
            double norm = Math.Sqrt(gw.Sum(v => v * v) + gb.Sum(v => v * v));
            if (clipNorm > 0 && norm > clipNorm)
            {
                gw = gw.Select(v => (float)(v * clipNorm / norm)).ToArray();
                gb = gb.Select(v => (float)(v * clipNorm / norm)).ToArray();
            }

            AdamW.Reference(w, mw, vw, gw, lr, step, settings, decay: true);
            AdamW.Reference(b, mb, vb, gb, lr, step, settings, decay: false);
        }

        var state = session.ReadState();
        Assert.Equal(5f, state[AdamW.StepName][0]);
        Assert.All(state["p.w"].Zip(w), p => Assert.Equal(p.Second, p.First, 1e-5));
        Assert.All(state["p.b"].Zip(b), p => Assert.Equal(p.Second, p.First, 1e-5));
        Assert.All(state["v.p.w"].Zip(vw), p => Assert.Equal(p.Second, p.First, 1e-6));
    }

    [Fact]
    public void StateLoadedFromACheckpointReplacesTheDeviceBuffers()
    {
        var (program, _, _) = Program(new AdamWSettings());
        using var session = new TrainingStepRunner(program, 2, DevicePreference.Cpu, 0, 1, null);
        var x = Enumerable.Range(0, 12).Select(i => i / 12f).ToArray();
        session.Step([x], 0.1f);
        var saved = session.ReadState();
        session.Step([x], 0.1f);
        session.Step([x], 0.1f);
        var afterTwo = session.ReadState();

        session.LoadState(saved);
        Assert.Equal(saved["p.w"], session.ReadState()["p.w"]);
        session.Step([x], 0.1f);
        session.Step([x], 0.1f);

        Assert.Equal(afterTwo["p.w"], session.ReadState()["p.w"]);
        Assert.Equal(afterTwo["m.p.b"], session.ReadState()["m.p.b"]);
    }
}
