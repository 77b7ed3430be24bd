using System.Runtime.InteropServices;
using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Onnx.Proto;
using Google.Protobuf;

namespace CoachPortal.Learning.Onnx;

/// <summary>Serialises a <see cref="Graph"/>, pruned to what some outputs need, as an ONNX model (opset 18, IR 8).</summary>
internal static class OnnxWriter
{
    // opset 18: Reduce*, Split, Squeeze and Unsqueeze all take axes/splits as inputs; IR 8 goes with it
    public const int Opset = 18;
    public const int IrVersion = 8;

    /// <param name="graph">the graph</param>
    /// <param name="outputs">graph outputs; only the nodes they need are written</param>
    /// <param name="baked">graph inputs written as initializers with these values (trained weights in the inference model)</param>
    /// <param name="metadata">written to metadata_props</param>
    public static byte[] Write(Graph graph, IReadOnlyList<Tensor> outputs, IReadOnlyDictionary<Tensor, ConstantData>? baked = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "CoachPortal.Learning",
            ProducerVersion = "1.0",
            Graph = ToGraphProto(graph, outputs, baked, "main", isSubgraph: false),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        if (metadata is not null)
        {
            foreach (var (k, v) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                model.MetadataProps.Add(new StringStringEntryProto { Key = k, Value = v });
            }
        }

        return model.ToByteArray();
    }

    /// <summary>Reads metadata_props back from a model written by <see cref="Write"/>.</summary>
    public static Dictionary<string, string> ReadMetadata(byte[] model) =>
        ModelProto.Parser.ParseFrom(model).MetadataProps.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    // A main graph declares only the inputs the outputs need; a subgraph declares all its inputs, in order
    // (Scan binds them by position).
    private static GraphProto ToGraphProto(Graph graph, IReadOnlyList<Tensor> outputs, IReadOnlyDictionary<Tensor, ConstantData>? baked, string name, bool isSubgraph)
    {
        var nodes = graph.Cone(outputs);
        var used = new HashSet<Tensor>(nodes.SelectMany(n => n.AllInputs));
        used.UnionWith(outputs);
        var proto = new GraphProto { Name = name };
        foreach (var input in graph.Inputs.Where(i => isSubgraph || used.Contains(i)))
        {
            if (baked is not null && baked.TryGetValue(input, out var data))
            {
                proto.Initializer.Add(ToTensorProto(input.Name, data));
            }
            else
            {
                proto.Input.Add(ToValueInfo(input));
            }
        }

        foreach (var (t, data) in graph.Constants)
        {
            if (used.Contains(t))
            {
                proto.Initializer.Add(ToTensorProto(t.Name, data));
            }
        }

        foreach (var node in nodes)
        {
            proto.Node.Add(ToNodeProto(node));
        }

        foreach (var o in outputs)
        {
            proto.Output.Add(ToValueInfo(o));
        }

        return proto;
    }

    private static NodeProto ToNodeProto(Node node)
    {
        var proto = new NodeProto { OpType = node.Op, Name = $"{node.Outputs[0].Name}_node" };
        proto.Input.AddRange(node.Inputs.Select(i => i.Name));
        proto.Output.AddRange(node.Outputs.Select(o => o.Name));
        foreach (var (key, value) in node.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith('_'))
            {
                continue;
            }

            var a = new AttributeProto { Name = key };
            switch (value)
            {
                case long l:
                    a.Type = AttributeProto.Types.AttributeType.Int;
                    a.I = l;
                    break;
                case double d:
                    a.Type = AttributeProto.Types.AttributeType.Float;
                    a.F = (float)d;
                    break;
                case string s:
                    a.Type = AttributeProto.Types.AttributeType.String;
                    a.S = ByteString.CopyFromUtf8(s);
                    break;
                case long[] ls:
                    a.Type = AttributeProto.Types.AttributeType.Ints;
                    a.Ints.AddRange(ls);
                    break;
                case ConstantData c:
                    a.Type = AttributeProto.Types.AttributeType.Tensor;
                    a.T = ToTensorProto("", c);
                    break;
                case Subgraph sg:
                    a.Type = AttributeProto.Types.AttributeType.Graph;
                    a.G = ToGraphProto(sg.Body, sg.Outputs, null, key, isSubgraph: true);
                    break;
                default:
                    throw new NotSupportedException($"attribute {key} of type {value.GetType()}");
            }

            proto.Attribute.Add(a);
        }

        return proto;
    }

    private static TensorProto ToTensorProto(string name, ConstantData data)
    {
        var proto = new TensorProto { Name = name, DataType = (int)data.Type };
        proto.Dims.AddRange(data.Shape);
        // raw_data is little-endian, which is what x64 and arm64 hold in memory
        ReadOnlySpan<byte> bytes = data.Data switch
        {
            float[] f => MemoryMarshal.AsBytes(f.AsSpan()),
            double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
            long[] l => MemoryMarshal.AsBytes(l.AsSpan()),
            _ => throw new NotSupportedException(data.Data.GetType().Name),
        };
        proto.RawData = ByteString.CopyFrom(bytes);
        return proto;
    }

    private static ValueInfoProto ToValueInfo(Tensor t)
    {
        var shape = new TensorShapeProto();
        foreach (var d in t.Shape)
        {
            shape.Dim.Add(d.IsKnown
                ? new TensorShapeProto.Types.Dimension { DimValue = d.Value }
                : new TensorShapeProto.Types.Dimension { DimParam = d.Symbol });
        }

        return new ValueInfoProto
        {
            Name = t.Name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)t.Type, Shape = shape } },
        };
    }
}
