using System.Globalization;
using System.Text.Json;
using CoachPortal.Learning.Autodiff;
using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Models;
using CoachPortal.Learning.Onnx;
using CoachPortal.Learning.Optimization;
using CoachPortal.Learning.Runtime;

namespace CoachPortal.Learning.Training;

/// <summary>
/// One model's graph: normalisation, architecture, head outputs, loss. The training program and the inference model
/// are both cut from it, so the exported forward pass is exactly the one that was trained.
/// </summary>
internal sealed class ModelBlueprint
{
    public const string FeaturesName = "features";
    public const string ChannelMaskName = "channel_mask";
    public const string TargetsName = "targets";
    public const string LossName = "loss";
    public const string EvaluationLossName = "evaluation_loss";
    public const string DropoutMaskName = "dropout_mask";

    private ModelBlueprint(Graph graph, Tensor loss, Tensor evaluationLoss, IReadOnlyDictionary<string, Tensor> outputs, List<(Tensor Parameter, float[] Initial)> parameters, Tensor targets, Tensor? dropoutMask)
    {
        Graph = graph;
        Loss = loss;
        EvaluationLoss = evaluationLoss;
        DropoutMask = dropoutMask;
        Outputs = outputs;
        Parameters = parameters;
        Targets = targets;
    }

    public Graph Graph { get; }

    /// <summary>The training loss (with dropout when enabled).</summary>
    public Tensor Loss { get; }

    /// <summary>The loss without dropout, for validation.</summary>
    public Tensor EvaluationLoss { get; }

    /// <summary>[N, R] dropout mask input of the training graph (0 or 1/(1-p) per entry), null without dropout.</summary>
    public Tensor? DropoutMask { get; }

    public Tensor Targets { get; }

    /// <summary>Inference outputs by name: mean, variance, probability, probabilities, attention, evidence.</summary>
    public IReadOnlyDictionary<string, Tensor> Outputs { get; }

    public List<(Tensor Parameter, float[] Initial)> Parameters { get; }

    public static int HeadWidth(LossKind loss, int classes) => loss switch
    {
        LossKind.GaussianNll => 2,
        LossKind.CategoricalCrossEntropy => classes,
        _ => 1,
    };

    public static ModelBlueprint Create(ModelKind kind, LossKind loss, int steps, int features, int classes, TrainingOptions options, Normalization normalization)
    {
        var g = new Graph();
        Dim n = "N";
        var x = g.Input(FeaturesName, ElementType.Float, n, steps, features);
        var mask = g.Input(ChannelMaskName, ElementType.Float, n, features);
        var settings = new ArchitectureSettings(steps, features, HeadWidth(loss, classes), options.HiddenSize, options.AttentionHeads, options.AttentionLayers, options.KernelSize);

        var mean = g.Constant(ElementType.Float, [features], normalization.FeatureMean);
        var std = g.Constant(ElementType.Float, [features], normalization.FeatureStd);
        var normalized = g.Mul(g.Div(g.Sub(x, mean), std), g.Unsqueeze(mask, 1));

        var parameters = new ParameterSet(g, options.Seed);
        var architecture = kind switch
        {
            ModelKind.GruForecaster => GruArchitecture.Build(g, normalized, parameters, settings),
            ModelKind.AttentionForecaster => AttentionArchitecture.Build(g, normalized, parameters, settings),
            ModelKind.SessionCnn => SessionCnnArchitecture.Build(g, normalized, mask, parameters, settings),
            _ => throw new LearningException($"unknown model kind {kind}"),
        };
        var targets = loss == LossKind.CategoricalCrossEntropy
            ? g.Input(TargetsName, ElementType.Float, n, classes)
            : g.Input(TargetsName, ElementType.Float, n);
        var outputs = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var evaluationLoss = Objective(g, loss, architecture.Head(g, architecture.Representation), targets, settings.Outputs, options, normalization, outputs);
        var trainingLoss = evaluationLoss;
        Tensor? dropoutMask = null;
        if (options.Dropout > 0)
        {
            // inverted dropout (Srivastava et al., 2014) on the representation; the mask comes from the host each step
            dropoutMask = g.Input(DropoutMaskName, ElementType.Float, n, architecture.Representation.Shape[1]);
            var dropped = g.Mul(architecture.Representation, dropoutMask);
            trainingLoss = Objective(g, loss, architecture.Head(g, dropped), targets, settings.Outputs, options, normalization, null);
        }

        if (architecture.Explanation is { } explanation)
        {
            outputs[kind == ModelKind.AttentionForecaster ? "attention" : "evidence"] = explanation;
        }

        foreach (var name in outputs.Keys.ToArray())
        {
            outputs[name] = g.Identity(outputs[name]).Named(name);
        }

        var evaluation = g.Identity(evaluationLoss).Named(dropoutMask is null ? LossName : EvaluationLossName);
        var training = dropoutMask is null ? evaluation : g.Identity(trainingLoss).Named(LossName);
        return new ModelBlueprint(g, training, evaluation, outputs, parameters.Items, targets, dropoutMask);
    }

    // The loss of a head against the targets; with outputs given, also the inference outputs computed from that head.
    private static Tensor Objective(Graph g, LossKind loss, Tensor head, Tensor targets, int width, TrainingOptions options, Normalization normalization, Dictionary<string, Tensor>? outputs)
    {
        if (loss == LossKind.CategoricalCrossEntropy)
        {
            outputs?.Add("probabilities", g.Softmax(head, -1));
            return Losses.CategoricalCrossEntropy(g, head, targets);
        }

        var targetMean = g.Scalar(normalization.TargetMean, ElementType.Float);
        var targetStd = g.Scalar(normalization.TargetStd, ElementType.Float);
        var columns = width == 1 ? [head] : g.Split(head, 1, Enumerable.Repeat(1L, width).ToArray());
        var first = g.Squeeze(columns[0], 1);
        var standardized = g.Div(g.Sub(targets, targetMean), targetStd);
        if (loss != LossKind.BinaryCrossEntropy)
        {
            outputs?.Add("mean", g.Add(g.Mul(first, targetStd), targetMean));
        }

        switch (loss)
        {
            case LossKind.GaussianNll:
                // softplus keeps the variance positive; the floor keeps the log-likelihood finite
                var variance = g.Add(g.Softplus(g.Squeeze(columns[1], 1)), g.Scalar(1e-4, ElementType.Float));
                outputs?.Add("variance", g.Mul(variance, g.Mul(targetStd, targetStd)));
                return Losses.GaussianNegativeLogLikelihood(g, first, variance, standardized);
            case LossKind.MeanSquaredError:
                return Losses.MeanSquaredError(g, first, standardized);
            case LossKind.Huber:
                return Losses.Huber(g, first, standardized, options.HuberDelta);
            case LossKind.Pinball:
                return Losses.Pinball(g, first, standardized, options.Quantile);
            case LossKind.BinaryCrossEntropy:
                outputs?.Add("probability", g.Sigmoid(first));
                return Losses.BinaryCrossEntropyWithLogits(g, first, targets, options.PositiveClassWeight, options.NegativeClassWeight);
            default:
                throw new LearningException($"unknown loss {loss}");
        }
    }

    public TrainingProgram BuildProgram(AdamWSettings settings)
    {
        var gradients = Differentiator.Gradients(Graph, Loss, Parameters.Select(p => p.Parameter).ToArray());
        var slots = AdamW.Build(Graph, Parameters, gradients, settings);
        var training = OnnxWriter.Write(Graph, [Loss, .. slots.Select(s => s.Out)]);
        var evaluationOutputs = Outputs.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var evaluation = OnnxWriter.Write(Graph, [EvaluationLoss, .. evaluationOutputs]);
        Tensor[] dataInputs = DropoutMask is null ? [Graph[FeaturesName], Graph[ChannelMaskName], Targets] : [Graph[FeaturesName], Graph[ChannelMaskName], Targets, DropoutMask];
        var data = dataInputs
            .Select(t => new DataSpec(t.Name, t.Shape.Select(d => d.IsKnown ? d.Value : -1).ToArray()))
            .ToArray();
        return new TrainingProgram(
            training,
            evaluation,
            slots.Select(s => new StateSpec(s.In.Name, s.Out.Name, s.In.KnownShape, s.Initial)).ToArray(),
            data,
            AdamW.LearningRateName,
            LossName,
            [EvaluationLoss.Name, .. evaluationOutputs.Select(t => t.Name)]);
    }

    /// <summary>The inference model: the forward cone of the outputs with the given parameter values as initializers.</summary>
    public byte[] ExportInference(IReadOnlyDictionary<string, float[]> parameterValues, IReadOnlyDictionary<string, string> metadata)
    {
        var baked = Parameters.ToDictionary(
            p => p.Parameter,
            p => new ConstantData(ElementType.Float, p.Parameter.KnownShape, parameterValues[p.Parameter.Name]));
        return OnnxWriter.Write(Graph, Outputs.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray(), baked, metadata);
    }

    public static Dictionary<string, string> Metadata(ModelKind kind, LossKind loss, int steps, int features, int classes, Normalization normalization, TrainingDataset dataset)
    {
        static string Json<T>(T value) => JsonSerializer.Serialize(value);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ModelMetadataKeys.FormatVersion] = "1",
            [ModelMetadataKeys.Kind] = kind.ToString(),
            [ModelMetadataKeys.Loss] = loss.ToString(),
            [ModelMetadataKeys.Steps] = steps.ToString(CultureInfo.InvariantCulture),
            [ModelMetadataKeys.Features] = features.ToString(CultureInfo.InvariantCulture),
            [ModelMetadataKeys.Classes] = classes.ToString(CultureInfo.InvariantCulture),
            [ModelMetadataKeys.FeatureMean] = Json(normalization.FeatureMean),
            [ModelMetadataKeys.FeatureStd] = Json(normalization.FeatureStd),
            [ModelMetadataKeys.TargetMean] = normalization.TargetMean.ToString("R", CultureInfo.InvariantCulture),
            [ModelMetadataKeys.TargetStd] = normalization.TargetStd.ToString("R", CultureInfo.InvariantCulture),
        };
        if (dataset.FeatureNames is { } names)
        {
            metadata[ModelMetadataKeys.FeatureNames] = Json(names);
        }

        if (dataset.DataSpan is { } span)
        {
            metadata[ModelMetadataKeys.DataSpan] = span;
        }

        return metadata;
    }
}
