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

    private ModelBlueprint(Graph graph, Tensor loss, IReadOnlyDictionary<string, Tensor> outputs, List<(Tensor Parameter, float[] Initial)> parameters, Tensor targets)
    {
        Graph = graph;
        Loss = loss;
        Outputs = outputs;
        Parameters = parameters;
        Targets = targets;
    }

    public Graph Graph { get; }

    public Tensor Loss { get; }

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
        var head = architecture.Head;
        var outputs = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        Tensor targets;
        Tensor lossValue;
        var targetMean = g.Scalar(normalization.TargetMean, ElementType.Float);
        var targetStd = g.Scalar(normalization.TargetStd, ElementType.Float);
        if (loss == LossKind.CategoricalCrossEntropy)
        {
            targets = g.Input(TargetsName, ElementType.Float, n, classes);
            lossValue = Losses.CategoricalCrossEntropy(g, head, targets);
            outputs["probabilities"] = g.Softmax(head, -1);
        }
        else
        {
            targets = g.Input(TargetsName, ElementType.Float, n);
            var columns = settings.Outputs == 1 ? [head] : g.Split(head, 1, Enumerable.Repeat(1L, settings.Outputs).ToArray());
            var first = g.Squeeze(columns[0], 1);
            var standardized = g.Div(g.Sub(targets, targetMean), targetStd);
            switch (loss)
            {
                case LossKind.GaussianNll:
                    {
                        // softplus keeps the variance positive; the floor keeps the log-likelihood finite
                        var variance = g.Add(g.Softplus(g.Squeeze(columns[1], 1)), g.Scalar(1e-4, ElementType.Float));
                        lossValue = Losses.GaussianNegativeLogLikelihood(g, first, variance, standardized);
                        outputs["variance"] = g.Mul(variance, g.Mul(targetStd, targetStd));
                        break;
                    }

                case LossKind.MeanSquaredError:
                    lossValue = Losses.MeanSquaredError(g, first, standardized);
                    break;
                case LossKind.Huber:
                    lossValue = Losses.Huber(g, first, standardized, options.HuberDelta);
                    break;
                case LossKind.Pinball:
                    lossValue = Losses.Pinball(g, first, standardized, options.Quantile);
                    break;
                case LossKind.BinaryCrossEntropy:
                    lossValue = Losses.BinaryCrossEntropyWithLogits(g, first, targets, options.PositiveClassWeight, options.NegativeClassWeight);
                    outputs["probability"] = g.Sigmoid(first);
                    break;
                default:
                    throw new LearningException($"unknown loss {loss}");
            }

            if (loss != LossKind.BinaryCrossEntropy)
            {
                outputs["mean"] = g.Add(g.Mul(first, targetStd), targetMean);
            }
        }

        if (architecture.Explanation is { } explanation)
        {
            outputs[kind == ModelKind.AttentionForecaster ? "attention" : "evidence"] = explanation;
        }

        foreach (var (name, tensor) in outputs)
        {
            outputs[name] = g.Identity(tensor).Named(name);
        }

        return new ModelBlueprint(g, g.Identity(lossValue).Named(LossName), outputs, parameters.Items, targets);
    }

    public TrainingProgram BuildProgram(AdamWSettings settings)
    {
        var gradients = Differentiator.Gradients(Graph, Loss, Parameters.Select(p => p.Parameter).ToArray());
        var slots = AdamW.Build(Graph, Parameters, gradients, settings);
        var training = OnnxWriter.Write(Graph, [Loss, .. slots.Select(s => s.Out)]);
        var evaluationOutputs = Outputs.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var evaluation = OnnxWriter.Write(Graph, [Loss, .. evaluationOutputs]);
        var features = Graph[FeaturesName];
        var data = new[] { features, Graph[ChannelMaskName], Targets }
            .Select(t => new DataSpec(t.Name, t.Shape.Select(d => d.IsKnown ? d.Value : -1).ToArray()))
            .ToArray();
        return new TrainingProgram(
            training,
            evaluation,
            slots.Select(s => new StateSpec(s.In.Name, s.Out.Name, s.In.KnownShape, s.Initial)).ToArray(),
            data,
            AdamW.LearningRateName,
            LossName,
            [LossName, .. evaluationOutputs.Select(t => t.Name)]);
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
