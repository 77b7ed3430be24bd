namespace CoachPortal.Learning.Graphs;

/// <summary>A symbolic tensor of a <see cref="Graph"/>: a graph input, a constant or a node output.</summary>
internal sealed class Tensor
{
    internal Tensor(Graph graph, string name, ElementType type, Dim[] shape)
    {
        Graph = graph;
        Name = name;
        Type = type;
        Shape = shape;
    }

    public Graph Graph { get; }

    public string Name { get; internal set; }

    public ElementType Type { get; }

    public Dim[] Shape { get; }

    public Node? Producer { get; internal set; }

    public int Rank => Shape.Length;

    public long[] KnownShape => Shape.Select(d => d.IsKnown ? d.Value : throw new InvalidOperationException($"{Name}: dimension {d} is symbolic")).ToArray();

    /// <summary>Gives the tensor a stable name (graph inputs and outputs are matched by name at run time).</summary>
    public Tensor Named(string name)
    {
        Graph.Rename(this, name);
        return this;
    }

    public override string ToString() => $"{Name}:{Type}[{string.Join(",", Shape)}]";

    public static Tensor operator +(Tensor a, Tensor b) => a.Graph.Add(a, b);

    public static Tensor operator -(Tensor a, Tensor b) => a.Graph.Sub(a, b);

    public static Tensor operator *(Tensor a, Tensor b) => a.Graph.Mul(a, b);

    public static Tensor operator /(Tensor a, Tensor b) => a.Graph.Div(a, b);

    public static Tensor operator -(Tensor a) => a.Graph.Neg(a);

    public static Tensor operator *(Tensor a, double s) => a.Graph.Mul(a, a.Graph.Scalar(s, a.Type));

    public static Tensor operator *(double s, Tensor a) => a.Graph.Mul(a.Graph.Scalar(s, a.Type), a);

    public static Tensor operator +(Tensor a, double s) => a.Graph.Add(a, a.Graph.Scalar(s, a.Type));

    public static Tensor operator -(double s, Tensor a) => a.Graph.Sub(a.Graph.Scalar(s, a.Type), a);
}
