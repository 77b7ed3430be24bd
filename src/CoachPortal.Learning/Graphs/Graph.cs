using System.Globalization;

namespace CoachPortal.Learning.Graphs;

/// <summary>
/// Records operators with static shape inference (symbolic dimensions allowed). Constants are de-duplicated by value
/// (sharing identical constants halved ORT's session-creation time in the prototype), and <see cref="Cone"/> prunes to
/// what some outputs need. Serialised by <see cref="Onnx.OnnxWriter"/>; differentiated by <see cref="Autodiff.Differentiator"/>.
/// </summary>
internal sealed partial class Graph
{
    private const int DeduplicatedConstantLimit = 256;

    private readonly Dictionary<string, Tensor> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tensor> _constantCache = new(StringComparer.Ordinal);
    private int _counter;

    public Graph(string namePrefix = "")
    {
        NamePrefix = namePrefix;
    }

    /// <summary>Prepended to generated names: ONNX forbids a subgraph from re-declaring a name of an enclosing graph.</summary>
    public string NamePrefix { get; }

    public List<Node> Nodes { get; } = [];

    public List<Tensor> Inputs { get; } = [];

    public Dictionary<Tensor, ConstantData> Constants { get; } = [];

    /// <summary>Tensors of an enclosing graph that this subgraph reads by name.</summary>
    public List<Tensor> OuterReferences { get; } = [];

    public Tensor this[string name] => _byName[name];

    public string FreshName(string prefix)
    {
        string name;
        do
        {
            name = $"{NamePrefix}{prefix}_{_counter++}";
        }
        while (_byName.ContainsKey(name));
        return name;
    }

    public Tensor Input(string name, ElementType type, params Dim[] shape)
    {
        var t = NewTensor(name, type, shape);
        Inputs.Add(t);
        return t;
    }

    /// <summary>Refers to a tensor of the enclosing graph from inside this subgraph (same name, not declared as an input).</summary>
    public Tensor OuterReference(Tensor outer)
    {
        var t = NewTensor(outer.Name, outer.Type, outer.Shape);
        OuterReferences.Add(t);
        return t;
    }

    internal void Rename(Tensor t, string name)
    {
        if (t.Name == name)
        {
            return;
        }

        if (_byName.ContainsKey(name))
        {
            throw new ArgumentException($"tensor name {name} is taken", nameof(name));
        }

        _byName.Remove(t.Name);
        t.Name = name;
        _byName[name] = t;
    }

    private Tensor NewTensor(string name, ElementType type, Dim[] shape)
    {
        if (_byName.ContainsKey(name))
        {
            throw new ArgumentException($"duplicate tensor name {name}", nameof(name));
        }

        var t = new Tensor(this, name, type, shape);
        _byName[name] = t;
        return t;
    }

    public Tensor Constant(ElementType type, long[] shape, Array data)
    {
        string? key = null;
        if (data.Length <= DeduplicatedConstantLimit)
        {
            key = $"{type}|{string.Join(",", shape)}|{string.Join(",", data.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)))}";
            if (_constantCache.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var t = NewTensor(FreshName("const"), type, shape.Select(Dim.Of).ToArray());
        Constants[t] = new ConstantData(type, shape, data);
        if (key is not null)
        {
            _constantCache[key] = t;
        }

        return t;
    }

    public Tensor Scalar(double value, ElementType type) => type switch
    {
        ElementType.Float => Constant(type, [], new[] { (float)value }),
        ElementType.Double => Constant(type, [], new[] { value }),
        ElementType.Int64 => Constant(type, [], new[] { (long)value }),
        _ => throw new NotSupportedException(type.ToString()),
    };

    public Tensor Ints(params long[] values) => Constant(ElementType.Int64, [values.Length], values);

    /// <summary>A constant of the graph's float type from double values (converted to float when needed).</summary>
    public Tensor Values(ElementType type, long[] shape, double[] values) => type == ElementType.Double
        ? Constant(type, shape, values)
        : Constant(type, shape, values.Select(v => (float)v).ToArray());

    public Tensor[] Emit(string op, Tensor[] inputs, (ElementType Type, Dim[] Shape)[] outputs, Action<Node>? attributes = null)
    {
        var node = new Node(op, inputs) { Index = Nodes.Count };
        attributes?.Invoke(node);
        node.Outputs = outputs.Select(o => NewTensor(FreshName(op.ToLowerInvariant()), o.Type, o.Shape)).ToArray();
        foreach (var o in node.Outputs)
        {
            o.Producer = node;
        }

        Nodes.Add(node);
        return node.Outputs;
    }

    private Tensor Emit1(string op, Tensor[] inputs, ElementType type, Dim[] shape, Action<Node>? attributes = null) =>
        Emit(op, inputs, [(type, shape)], attributes)[0];

    public static Dim[] Broadcast(Dim[] a, Dim[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new Dim[rank];
        for (int i = 0; i < rank; i++)
        {
            Dim da = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : Dim.Of(1);
            Dim db = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : Dim.Of(1);
            if (da.IsOne)
            {
                result[i] = db;
            }
            else if (db.IsOne || da.Equals(db) || !db.IsKnown)
            {
                result[i] = da;
            }
            else if (!da.IsKnown)
            {
                result[i] = db;
            }
            else
            {
                throw new ArgumentException($"cannot broadcast [{string.Join(",", a)}] with [{string.Join(",", b)}]");
            }
        }

        return result;
    }

    private static long Normalize(long axis, int rank) => axis < 0 ? axis + rank : axis;

    private Tensor Binary(string op, Tensor a, Tensor b)
    {
        if (a.Type != b.Type)
        {
            throw new ArgumentException($"{op}: type mismatch {a} vs {b}");
        }

        return Emit1(op, [a, b], a.Type, Broadcast(a.Shape, b.Shape));
    }

    public Tensor Add(Tensor a, Tensor b) => Binary("Add", a, b);

    public Tensor Sub(Tensor a, Tensor b) => Binary("Sub", a, b);

    public Tensor Mul(Tensor a, Tensor b) => Binary("Mul", a, b);

    public Tensor Div(Tensor a, Tensor b) => Binary("Div", a, b);

    public Tensor Pow(Tensor a, Tensor b) => Binary("Pow", a, b);

    /// <summary>Elementwise maximum; it has no gradient rule (used only after differentiation, e.g. gradient clipping).</summary>
    public Tensor Max(Tensor a, Tensor b) => Binary("Max", a, b);

    private Tensor Unary(string op, Tensor x) => Emit1(op, [x], x.Type, x.Shape);

    public Tensor Neg(Tensor x) => Unary("Neg", x);

    public Tensor Exp(Tensor x) => Unary("Exp", x);

    public Tensor Log(Tensor x) => Unary("Log", x);

    public Tensor Sqrt(Tensor x) => Unary("Sqrt", x);

    public Tensor Abs(Tensor x) => Unary("Abs", x);

    public Tensor Sign(Tensor x) => Unary("Sign", x);

    public Tensor Sigmoid(Tensor x) => Unary("Sigmoid", x);

    public Tensor Tanh(Tensor x) => Unary("Tanh", x);

    public Tensor Relu(Tensor x) => Unary("Relu", x);

    public Tensor Identity(Tensor x) => Unary("Identity", x);

    public Tensor LeakyRelu(Tensor x, double alpha = 0.01) => Emit1("LeakyRelu", [x], x.Type, x.Shape, n => n.Attributes["alpha"] = alpha);

    public Tensor Softmax(Tensor x, long axis = -1) => Emit1("Softmax", [x], x.Type, x.Shape, n => n.Attributes["axis"] = Normalize(axis, x.Rank));

    public Tensor LogSoftmax(Tensor x, long axis = -1) => Emit1("LogSoftmax", [x], x.Type, x.Shape, n => n.Attributes["axis"] = Normalize(axis, x.Rank));

    /// <summary>log(1 + exp(x)) as ONNX Softplus; its own rule keeps the derivative right at 0, where a relu + log(1 + exp(-|x|)) composition gets 0 instead of 1/2.</summary>
    public Tensor Softplus(Tensor x) => Unary("Softplus", x);

    /// <summary>Layer normalisation over the last axis (ONNX LayerNormalization-17).</summary>
    public Tensor LayerNorm(Tensor x, Tensor scale, Tensor bias, double epsilon = 1e-5) =>
        Emit1("LayerNormalization", [x, scale, bias], x.Type, x.Shape, n =>
        {
            n.Attributes["axis"] = -1L;
            n.Attributes["epsilon"] = epsilon;
        });

    public Tensor MatMul(Tensor a, Tensor b)
    {
        if (a.Type != b.Type || a.Rank < 2 || b.Rank < 2)
        {
            throw new ArgumentException($"MatMul needs two tensors of rank >= 2 and one type: {a} x {b}");
        }

        Dim k1 = a.Shape[^1], k2 = b.Shape[^2];
        if (k1.IsKnown && k2.IsKnown && k1.Value != k2.Value)
        {
            throw new ArgumentException($"MatMul inner dimensions differ: {a} x {b}");
        }

        return Emit1("MatMul", [a, b], a.Type, [.. Broadcast(a.Shape[..^2], b.Shape[..^2]), a.Shape[^2], b.Shape[^1]]);
    }

    public Tensor Transpose(Tensor x, params long[] perm) =>
        Emit1("Transpose", [x], x.Type, perm.Select(p => x.Shape[p]).ToArray(), n => n.Attributes["perm"] = perm);

    /// <summary>Swaps the last two axes.</summary>
    public Tensor SwapLast(Tensor x)
    {
        var perm = Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        (perm[^1], perm[^2]) = (perm[^2], perm[^1]);
        return Transpose(x, perm);
    }

    private Tensor Reduce(string op, Tensor x, long[]? axes, bool keepDims)
    {
        var ax = (axes ?? Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray()).Select(a => Normalize(a, x.Rank)).Order().ToArray();
        var shape = new List<Dim>();
        for (int i = 0; i < x.Rank; i++)
        {
            if (!ax.Contains(i))
            {
                shape.Add(x.Shape[i]);
            }
            else if (keepDims)
            {
                shape.Add(1);
            }
        }

        return Emit1(op, [x, Ints(ax)], x.Type, [.. shape], n =>
        {
            n.Attributes["keepdims"] = keepDims ? 1L : 0L;
            n.Attributes["_axes"] = ax;
        });
    }

    /// <summary>Sum over axes (all when null); opset 18 takes the axes as an input.</summary>
    public Tensor ReduceSum(Tensor x, long[]? axes = null, bool keepDims = false) => Reduce("ReduceSum", x, axes, keepDims);

    public Tensor ReduceMean(Tensor x, long[]? axes = null, bool keepDims = false) => Reduce("ReduceMean", x, axes, keepDims);

    public Tensor[] Split(Tensor x, long axis, params long[] sizes)
    {
        axis = Normalize(axis, x.Rank);
        if (x.Shape[axis].IsKnown && sizes.Sum() != x.Shape[axis].Value)
        {
            throw new ArgumentException($"Split sizes do not add up to {x.Shape[axis]}");
        }

        var a = axis;
        var outputs = sizes.Select(s => (x.Type, x.Shape.Select((d, i) => i == a ? Dim.Of(s) : d).ToArray())).ToArray();
        return Emit("Split", [x, Ints(sizes)], outputs, n => n.Attributes["axis"] = a);
    }

    public Tensor Squeeze(Tensor x, params long[] axes)
    {
        var ax = axes.Select(a => Normalize(a, x.Rank)).ToArray();
        return Emit1("Squeeze", [x, Ints(ax)], x.Type, x.Shape.Where((_, i) => !ax.Contains(i)).ToArray(), n => n.Attributes["_axes"] = ax);
    }

    public Tensor Unsqueeze(Tensor x, params long[] axes)
    {
        int rank = x.Rank + axes.Length;
        var ax = axes.Select(a => Normalize(a, rank)).Order().ToArray();
        var shape = new Dim[rank];
        for (int i = 0, j = 0; i < rank; i++)
        {
            shape[i] = ax.Contains(i) ? Dim.Of(1) : x.Shape[j++];
        }

        return Emit1("Unsqueeze", [x, Ints(ax)], x.Type, shape, n => n.Attributes["_axes"] = ax);
    }

    public Tensor Concat(long axis, params Tensor[] xs)
    {
        axis = Normalize(axis, xs[0].Rank);
        var a = axis;
        var shape = (Dim[])xs[0].Shape.Clone();
        shape[a] = xs.All(t => t.Shape[a].IsKnown) ? Dim.Of(xs.Sum(t => t.Shape[a].Value)) : Dim.Sym(FreshName("concat"));
        return Emit1("Concat", xs, xs[0].Type, shape, n => n.Attributes["axis"] = a);
    }

    /// <summary>Reshape to a constant target (0 copies the input's dimension, -1 is inferred, as in ONNX).</summary>
    public Tensor Reshape(Tensor x, long[] target, Dim[] outShape) => Emit1("Reshape", [x, Ints(target)], x.Type, outShape);

    /// <summary>Reshape to a shape computed at run time, e.g. <see cref="ShapeOf"/> of another tensor.</summary>
    public Tensor Reshape(Tensor x, Tensor target, Dim[] outShape) => Emit1("Reshape", [x, target], x.Type, outShape);

    public Tensor ShapeOf(Tensor x) => Emit1("Shape", [x], ElementType.Int64, [x.Rank]);

    public Tensor SizeOf(Tensor x) => Emit1("Size", [x], ElementType.Int64, []);

    public Tensor Cast(Tensor x, ElementType to) => Emit1("Cast", [x], to, x.Shape, n => n.Attributes["to"] = (long)to);

    public Tensor Expand(Tensor x, Tensor shape, Dim[] outShape) => Emit1("Expand", [x, shape], x.Type, outShape);

    public Tensor ExpandLike(Tensor x, Tensor like) => Expand(x, ShapeOf(like), like.Shape);

    /// <summary>Slice with step 1 and constant, non-negative starts; an end past the dimension means "to the end".</summary>
    public Tensor Slice(Tensor x, long[] starts, long[] ends, long[] axes)
    {
        var shape = (Dim[])x.Shape.Clone();
        var normalized = axes.Select(a => Normalize(a, x.Rank)).ToArray();
        for (int i = 0; i < normalized.Length; i++)
        {
            var d = x.Shape[normalized[i]];
            shape[normalized[i]] = d.IsKnown
                ? Dim.Of(Math.Max(0, Math.Min(ends[i], d.Value) - starts[i]))
                : (ends[i] < long.MaxValue / 2 ? Dim.Of(ends[i] - starts[i]) : Dim.Sym(FreshName("slice")));
        }

        return Emit1("Slice", [x, Ints(starts), Ints(ends), Ints(normalized)], x.Type, shape, n =>
        {
            n.Attributes["_starts"] = starts;
            n.Attributes["_ends"] = ends;
            n.Attributes["_axes"] = normalized;
        });
    }

    /// <summary>Constant zero padding; pads = [begin_0, ..., begin_r-1, end_0, ..., end_r-1].</summary>
    public Tensor Pad(Tensor x, long[] pads)
    {
        var shape = x.Shape.Select((d, i) => d.IsKnown ? Dim.Of(d.Value + pads[i] + pads[x.Rank + i]) : d).ToArray();
        return Emit1("Pad", [x, Ints(pads)], x.Type, shape);
    }

    /// <summary>Gather along axis 0: indices [...] over data [V, ...] gives [..., data.Shape[1..]].</summary>
    public Tensor Gather(Tensor data, Tensor indices) =>
        Emit1("Gather", [data, indices], data.Type, [.. indices.Shape, .. data.Shape[1..]], n => n.Attributes["axis"] = 0L);

    /// <summary>ScatterND with reduction "add" (opset 18): adds updates into a copy of data at the given index tuples.</summary>
    public Tensor ScatterNdAdd(Tensor data, Tensor indices, Tensor updates) =>
        Emit1("ScatterND", [data, indices, updates], data.Type, data.Shape, n => n.Attributes["reduction"] = "add");

    public Tensor ConstantOfShape(Tensor shape, ElementType type, Dim[] outShape) =>
        Emit1("ConstantOfShape", [shape], type, outShape, n => n.Attributes["value"] = new ConstantData(type, [1], ZeroArray(type)));

    public Tensor ZerosLike(Tensor like) => like.Shape.All(d => d.IsKnown)
        ? Constant(like.Type, like.KnownShape, ZeroArray(like.Type, like.KnownShape.Aggregate(1L, (p, d) => p * d)))
        : ConstantOfShape(ShapeOf(like), like.Type, like.Shape);

    private static Array ZeroArray(ElementType type, long length = 1) => type switch
    {
        ElementType.Float => new float[length],
        ElementType.Double => new double[length],
        _ => new long[length],
    };

    /// <summary>Emits a node whose subgraph reads outer tensors by name (Scan).</summary>
    public Tensor[] EmitWithImplicitInputs(string op, Tensor[] inputs, Tensor[] implicitInputs, (ElementType Type, Dim[] Shape)[] outputs, Action<Node> attributes, GradientRule? gradient)
    {
        var outs = Emit(op, inputs, outputs, attributes);
        outs[0].Producer!.ImplicitInputs = implicitInputs;
        outs[0].Producer!.CustomGradient = gradient;
        return outs;
    }

    /// <summary>The nodes needed to compute the given tensors, in graph (topological) order.</summary>
    public List<Node> Cone(IEnumerable<Tensor> outputs)
    {
        var needed = new HashSet<Node>();
        var stack = new Stack<Tensor>(outputs);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (t.Producer is { } p && needed.Add(p))
            {
                foreach (var i in p.AllInputs)
                {
                    stack.Push(i);
                }
            }
        }

        return Nodes.Where(needed.Contains).ToList();
    }
}
