using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Optimization;

/// <summary>Loss functions as graph operators; each returns a scalar mean over the batch.</summary>
internal static class Losses
{
    public static Tensor MeanSquaredError(Graph g, Tensor prediction, Tensor target)
    {
        var d = g.Sub(prediction, target);
        return g.ReduceMean(g.Mul(d, d));
    }

    /// <summary>Huber (1964): 0.5 d^2 for |d| &lt;= delta, delta (|d| - 0.5 delta) beyond, written with relu so every op has a rule.</summary>
    public static Tensor Huber(Graph g, Tensor prediction, Tensor target, double delta)
    {
        var a = g.Abs(g.Sub(prediction, target));
        var excess = g.Relu(g.Sub(a, g.Scalar(delta, a.Type)));
        var q = g.Sub(a, excess);
        return g.ReduceMean(g.Add(g.Mul(g.Scalar(0.5, a.Type), g.Mul(q, q)), g.Mul(g.Scalar(delta, a.Type), excess)));
    }

    /// <summary>Binary cross-entropy on logits, weighted per class: w+ y softplus(-z) + w- (1 - y) softplus(z).</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Graph g, Tensor logits, Tensor target, double positiveWeight, double negativeWeight)
    {
        var type = logits.Type;
        var positive = g.Mul(g.Mul(g.Scalar(positiveWeight, type), target), g.Softplus(g.Neg(logits)));
        var negative = g.Mul(g.Mul(g.Scalar(negativeWeight, type), g.Sub(g.Scalar(1, type), target)), g.Softplus(logits));
        return g.ReduceMean(g.Add(positive, negative));
    }

    /// <summary>Gaussian negative log-likelihood without the constant: 0.5 (ln var + (y - mean)^2 / var).</summary>
    public static Tensor GaussianNegativeLogLikelihood(Graph g, Tensor mean, Tensor variance, Tensor target)
    {
        var d = g.Sub(target, mean);
        return g.ReduceMean(g.Mul(g.Scalar(0.5, mean.Type), g.Add(g.Log(variance), g.Div(g.Mul(d, d), variance))));
    }

    /// <summary>Pinball (quantile) loss, Koenker and Bassett (1978): max(q d, (q - 1) d) = q d + relu(-d), d = y - prediction.</summary>
    public static Tensor Pinball(Graph g, Tensor prediction, Tensor target, double quantile)
    {
        var d = g.Sub(target, prediction);
        return g.ReduceMean(g.Add(g.Mul(g.Scalar(quantile, d.Type), d), g.Relu(g.Neg(d))));
    }

    /// <summary>Cross-entropy of logits [N, K] against one-hot targets [N, K].</summary>
    public static Tensor CategoricalCrossEntropy(Graph g, Tensor logits, Tensor oneHot) =>
        g.Neg(g.ReduceMean(g.ReduceSum(g.Mul(oneHot, g.LogSoftmax(logits, -1)), [-1])));
}
