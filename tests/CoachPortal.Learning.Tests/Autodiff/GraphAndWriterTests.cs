using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Onnx;
using CoachPortal.Learning.Onnx.Proto;
using CoachPortal.Learning.Tests.Support;

namespace CoachPortal.Learning.Tests.Autodiff;

public sealed class GraphAndWriterTests
{
    [Fact]
    public void IdenticalConstantsAreOneInitializerAndUnusedNodesAreNotWritten()
    {
        var g = new Graph();
        var x = g.Input("x", ElementType.Float, "N", 3);
        var a = g.Mul(x, g.Scalar(2, ElementType.Float));
        var b = g.Add(a, g.Scalar(2, ElementType.Float));
        g.Exp(g.Add(x, g.Scalar(7, ElementType.Float)));
        var y = g.Identity(b).Named("y");

        var model = ModelProto.Parser.ParseFrom(OnnxWriter.Write(g, [y], metadata: new Dictionary<string, string> { ["k"] = "v" }));

        Assert.Single(model.Graph.Initializer);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Exp");
        Assert.Equal(8, model.IrVersion);
        Assert.Equal(18, Assert.Single(model.OpsetImport).Version);
        Assert.Equal("v", Assert.Single(model.MetadataProps).Value);
        Assert.Equal("N", model.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam);
    }

    [Fact]
    public void ASymbolicBatchGraphRunsAtAnyBatchSize()
    {
        var g = new Graph();
        var x = g.Input("x", ElementType.Double, "N", 2);
        var y = g.Identity(g.ReduceSum(g.Mul(x, x), [1])).Named("y");
        using var session = OrtHarness.Session(g, [y]);

        foreach (var n in new[] { 1, 5 })
        {
            var data = Enumerable.Range(0, 2 * n).Select(i => (double)i).ToArray();
            var result = OrtHarness.Run(session, ElementType.Double, new Dictionary<string, (double[], long[])> { ["x"] = (data, [n, 2]) }, ["y"])[0];
            Assert.Equal(Enumerable.Range(0, n).Select(i => data[2 * i] * data[2 * i] + data[2 * i + 1] * data[2 * i + 1]), result);
        }
    }

    [Fact]
    public void MismatchedShapesAreRejectedWhileBuilding()
    {
        var g = new Graph();
        var a = g.Input("a", ElementType.Float, 2, 3);
        var b = g.Input("b", ElementType.Float, 4, 5);

        Assert.Throws<ArgumentException>(() => g.MatMul(a, b));
        Assert.Throws<ArgumentException>(() => g.Add(a, b));
    }

    [Fact]
    public void AnythingButAnEngineModelIsRefusedByTheScorer()
    {
        var g = new Graph();
        var x = g.Input("x", ElementType.Float, 1);
        var plain = OnnxWriter.Write(g, [g.Identity(x).Named("y")]);

        Assert.Throws<LearningException>(() => new ModelScorer(plain));
        Assert.Throws<LearningException>(() => new ModelScorer([1, 2, 3, 4, 5]));
    }
}
