using CoachPortal.Learning.Autodiff;
using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Models;
using CoachPortal.Learning.Onnx;
using CoachPortal.Learning.Optimization;
using CoachPortal.Learning.Runtime;

namespace CoachPortal.Learning.Vision;

/// <summary>
/// A binary classifier's graph: optional standardisation over the last axis, architecture, one logit, binary
/// cross-entropy. The training program and the inference model are cut from the same graph.
/// </summary>
internal sealed class ClassifierBlueprint
{
    public const string InputsName = "inputs";
    public const string TargetsName = "targets";
    public const string ProbabilityName = "probability";
    public const string LossName = "loss";

    private ClassifierBlueprint(Graph graph, Tensor loss, Tensor probability, List<(Tensor Parameter, float[] Initial)> parameters)
    {
        Graph = graph;
        Loss = loss;
        Probability = probability;
        Parameters = parameters;
    }

    public Graph Graph { get; }

    public Tensor Loss { get; }

    public Tensor Probability { get; }

    public List<(Tensor Parameter, float[] Initial)> Parameters { get; }

    /// <summary>The graph of <paramref name="kind"/>; standardization (mean and standard deviation over the sample's last axis) is baked in when given.</summary>
    public static ClassifierBlueprint Create(ClassifierKind kind, int[] sampleShape, ClassifierOptions options, (float[] Mean, float[] Std)? standardization)
    {
        var g = new Graph();
        Dim n = "N";
        var inputs = g.Input(InputsName, ElementType.Float, [n, .. sampleShape.Select(d => Dim.Of(d))]);
        var x = inputs;
        if (standardization is { } s)
        {
            long last = sampleShape[^1];
            x = g.Div(g.Sub(x, g.Constant(ElementType.Float, [last], s.Mean)), g.Constant(ElementType.Float, [last], s.Std));
        }

        var parameters = new ParameterSet(g, options.Seed);
        var logits = kind switch
        {
            ClassifierKind.ImageCnn when sampleShape.Length == 3 => ImageCnnArchitecture.Build(g, x, parameters),
            ClassifierKind.FeatureHead when sampleShape.Length == 1 => FeatureHead(g, x, parameters, options.HiddenSize),
            ClassifierKind.KeypointCnn when sampleShape.Length == 2 => KeypointCnnArchitecture.Build(g, x, parameters, options.HiddenSize > 0 ? options.HiddenSize : 32, options.KernelSize),
            _ => throw new LearningException($"{kind} does not take samples of shape [{string.Join(", ", sampleShape)}]"),
        };
        var logit = g.Squeeze(logits, 1);
        var targets = g.Input(TargetsName, ElementType.Float, n);
        var loss = g.Identity(Losses.BinaryCrossEntropyWithLogits(g, logit, targets, 1, 1)).Named(LossName);
        var probability = g.Identity(g.Sigmoid(logit)).Named(ProbabilityName);
        return new ClassifierBlueprint(g, loss, probability, parameters.Items);
    }

    private static Tensor FeatureHead(Graph g, Tensor x, ParameterSet p, int hidden)
    {
        long features = x.Shape[1].Value;
        if (hidden <= 0)
        {
            return g.Add(g.MatMul(x, p.Weight("out.w", features, features, 1)), p.Filled("out.b", 0f, 1));
        }

        var h = g.Relu(g.Add(g.MatMul(x, p.Weight("hidden.w", features, features, hidden)), p.Filled("hidden.b", 0f, hidden)));
        return g.Add(g.MatMul(h, p.Weight("out.w", hidden, hidden, 1)), p.Filled("out.b", 0f, 1));
    }

    public TrainingProgram BuildProgram(AdamWSettings settings)
    {
        var gradients = Differentiator.Gradients(Graph, Loss, Parameters.Select(p => p.Parameter).ToArray());
        var slots = AdamW.Build(Graph, Parameters, gradients, settings);
        var training = OnnxWriter.Write(Graph, [Loss, .. slots.Select(s => s.Out)]);
        var evaluation = OnnxWriter.Write(Graph, [Loss, Probability]);
        Tensor[] dataInputs = [Graph[InputsName], Graph[TargetsName]];
        var data = dataInputs.Select(t => new DataSpec(t.Name, t.Shape.Select(d => d.IsKnown ? d.Value : -1).ToArray())).ToArray();
        return new TrainingProgram(
            training,
            evaluation,
            slots.Select(s => new StateSpec(s.In.Name, s.Out.Name, s.In.KnownShape, s.Initial)).ToArray(),
            data,
            AdamW.LearningRateName,
            LossName,
            [LossName, ProbabilityName]);
    }

    /// <summary>The inference model: the probability's forward cone with the trained parameters as initializers.</summary>
    public byte[] ExportInference(IReadOnlyDictionary<string, float[]> parameterValues, IReadOnlyDictionary<string, string> metadata)
    {
        var baked = Parameters.ToDictionary(
            p => p.Parameter,
            p => new ConstantData(ElementType.Float, p.Parameter.KnownShape, parameterValues[p.Parameter.Name]));
        return OnnxWriter.Write(Graph, [Probability], baked, metadata);
    }
}
