namespace CoachPortal.Learning.Graphs;

/// <summary>
/// One operator application. Attributes are long, double, string, long[], <see cref="ConstantData"/> or
/// <see cref="Subgraph"/>; names starting with '_' are builder bookkeeping and are not written to ONNX.
/// </summary>
internal sealed class Node
{
    internal Node(string op, Tensor[] inputs)
    {
        Op = op;
        Inputs = inputs;
    }

    public string Op { get; }

    public Tensor[] Inputs { get; }

    public Tensor[] Outputs { get; internal set; } = [];

    public Dictionary<string, object> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Outer-scope tensors a subgraph attribute reads by name; they count as inputs for pruning and autodiff.</summary>
    public Tensor[] ImplicitInputs { get; internal set; } = [];

    /// <summary>A gradient rule carried by the node itself (Scan built by <see cref="Recurrence"/>).</summary>
    public GradientRule? CustomGradient { get; internal set; }

    public IEnumerable<Tensor> AllInputs => Inputs.Concat(ImplicitInputs);

    public int Index { get; internal set; }

    public long[] Ints(string name) => (long[])Attributes[name];

    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out var v) ? (long)v : fallback;

    public double Float(string name, double fallback) => Attributes.TryGetValue(name, out var v) ? (double)v : fallback;
}

/// <summary>Gradients of a node's inputs (in <see cref="Node.AllInputs"/> order; null where not needed).</summary>
internal delegate Tensor?[] GradientRule(Graph graph, Node node, Tensor?[] outputGradients, Func<Tensor, bool> needsGradient);

/// <summary>Constant data held by a graph (an ONNX initializer or a tensor attribute).</summary>
internal sealed record ConstantData(ElementType Type, long[] Shape, Array Data);

/// <summary>A graph-valued attribute (Scan's body): its inputs are <see cref="Graph.Inputs"/> in order, its outputs these tensors.</summary>
internal sealed record Subgraph(Graph Body, Tensor[] Outputs);
