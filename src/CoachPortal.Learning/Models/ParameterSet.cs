using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Learning.Models;

/// <summary>Declares trainable parameters as graph inputs named "p.*" and draws their initial values from a seeded generator.</summary>
internal sealed class ParameterSet(Graph graph, ulong seed)
{
    private readonly DeterministicRandom _random = new(seed);

    public List<(Tensor Parameter, float[] Initial)> Items { get; } = [];

    /// <summary>Uniform(-1/sqrt(fanIn), 1/sqrt(fanIn)), PyTorch's default for linear and recurrent layers.</summary>
    public Tensor Weight(string name, long fanIn, params long[] shape)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        var values = new float[shape.Aggregate(1L, (p, d) => p * d)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)_random.Uniform(-bound, bound);
        }

        return Add(name, shape, values);
    }

    public Tensor Filled(string name, float value, params long[] shape)
    {
        var values = new float[shape.Aggregate(1L, (p, d) => p * d)];
        Array.Fill(values, value);
        return Add(name, shape, values);
    }

    private Tensor Add(string name, long[] shape, float[] values)
    {
        var t = graph.Input("p." + name, ElementType.Float, shape.Select(Dim.Of).ToArray());
        Items.Add((t, values));
        return t;
    }
}
