using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.Learning.Tests.Support;

/// <summary>Runs a model on ORT's CPU provider with double-valued host arrays, whatever the graph's float type.</summary>
internal static class OrtHarness
{
    public static InferenceSession Session(Graph graph, IReadOnlyList<Tensor> outputs)
    {
        var options = new SessionOptions { IntraOpNumThreads = 1 };
        return new InferenceSession(OnnxWriter.Write(graph, outputs), options);
    }

    public static double[][] Run(InferenceSession session, ElementType type, IReadOnlyDictionary<string, (double[] Data, long[] Shape)> inputs, IReadOnlyList<string> outputs)
    {
        var values = new List<OrtValue>();
        try
        {
            var names = new List<string>();
            foreach (var (name, (data, shape)) in inputs)
            {
                if (!session.InputMetadata.ContainsKey(name))
                {
                    continue;
                }

                names.Add(name);
                values.Add(type == ElementType.Double
                    ? OrtValue.CreateTensorValueFromMemory((double[])data.Clone(), shape)
                    : OrtValue.CreateTensorValueFromMemory(data.Select(v => (float)v).ToArray(), shape));
            }

            using var run = new RunOptions();
            using var results = session.Run(run, names, values, outputs);
            return results.Select(r => type == ElementType.Double
                ? r.GetTensorDataAsSpan<double>().ToArray()
                : r.GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v).ToArray()).ToArray();
        }
        finally
        {
            foreach (var v in values)
            {
                v.Dispose();
            }
        }
    }
}
