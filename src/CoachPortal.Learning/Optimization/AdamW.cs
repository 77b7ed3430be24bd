using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Optimization;

/// <summary>
/// AdamW as graph operators, appended after the gradients. Same arithmetic as torch.optim.AdamW (Loshchilov and
/// Hutter, 2019: decoupled weight decay, bias-corrected moments). The learning rate is a scalar input so warm-up and
/// cosine schedules stay host-side.
/// </summary>
internal static class AdamW
{
    public const string LearningRateName = "optim.lr";
    public const string StepName = "optim.step";

    // g <- g * min(1, clip / ||g||) over all gradients (global norm), then
    // t' = t + 1;  m' = b1 m + (1 - b1) g;  v' = b2 v + (1 - b2) g^2
    // p' = p - lr * ((m' / (1 - b1^t')) / (sqrt(v' / (1 - b2^t')) + eps) + wd * p)
    public static List<StateSlot> Build(Graph g, IReadOnlyList<(Tensor Parameter, float[] Initial)> parameters, IReadOnlyDictionary<Tensor, Tensor> gradients, AdamWSettings settings)
    {
        var type = parameters[0].Parameter.Type;
        var lr = g.Input(LearningRateName, type);
        var step = g.Input(StepName, type);
        var stepNew = g.Add(step, g.Scalar(1, type)).Named(StepName + ".new");
        var bc1 = g.Sub(g.Scalar(1, type), g.Pow(g.Scalar(settings.Beta1, type), stepNew));
        var bc2 = g.Sub(g.Scalar(1, type), g.Pow(g.Scalar(settings.Beta2, type), stepNew));

        var grads = parameters.Select(p => gradients[p.Parameter]).ToArray();
        if (settings.ClipNorm > 0)
        {
            var squares = grads.Select(gr => g.ReduceSum(g.Mul(gr, gr))).Aggregate(g.Add);
            var norm = g.Sqrt(squares).Named("optim.grad_norm");
            var clip = g.Scalar(settings.ClipNorm, type);
            var factor = g.Div(clip, g.Max(norm, clip));
            grads = grads.Select(gr => g.Mul(gr, factor)).ToArray();
        }

        var parameterSlots = new List<StateSlot>();
        var momentSlots = new List<StateSlot>();
        for (int i = 0; i < parameters.Count; i++)
        {
            var (p, initial) = parameters[i];
            var gr = grads[i];
            var m = g.Input($"m.{p.Name}", type, p.Shape);
            var v = g.Input($"v.{p.Name}", type, p.Shape);
            var mNew = g.Add(g.Mul(g.Scalar(settings.Beta1, type), m), g.Mul(g.Scalar(1 - settings.Beta1, type), gr)).Named($"m.{p.Name}.new");
            var vNew = g.Add(g.Mul(g.Scalar(settings.Beta2, type), v), g.Mul(g.Scalar(1 - settings.Beta2, type), g.Mul(gr, gr))).Named($"v.{p.Name}.new");
            var update = g.Div(g.Div(mNew, bc1), g.Add(g.Sqrt(g.Div(vNew, bc2)), g.Scalar(settings.Epsilon, type)));
            if (settings.WeightDecay != 0 && p.Rank >= 2)
            {
                // decay weight matrices only, not biases or norm gains (the usual practice)
                update = g.Add(update, g.Mul(g.Scalar(settings.WeightDecay, type), p));
            }

            var pNew = g.Sub(p, g.Mul(lr, update)).Named($"{p.Name}.new");
            parameterSlots.Add(new StateSlot(p, pNew, initial));
            momentSlots.Add(new StateSlot(m, mNew, new float[initial.Length]));
            momentSlots.Add(new StateSlot(v, vNew, new float[initial.Length]));
        }

        return [.. parameterSlots, .. momentSlots, new StateSlot(step, stepNew, [0f])];
    }

    /// <summary>The same update in plain C# (one parameter, no clipping); the reference for tests.</summary>
    public static void Reference(float[] p, float[] m, float[] v, float[] grad, float lr, int step, AdamWSettings settings, bool decay)
    {
        double bc1 = 1 - Math.Pow(settings.Beta1, step);
        double bc2 = 1 - Math.Pow(settings.Beta2, step);
        for (int i = 0; i < p.Length; i++)
        {
            m[i] = (float)(settings.Beta1 * m[i] + (1 - settings.Beta1) * grad[i]);
            v[i] = (float)(settings.Beta2 * v[i] + (1 - settings.Beta2) * grad[i] * grad[i]);
            double update = m[i] / bc1 / (Math.Sqrt(v[i] / bc2) + settings.Epsilon) + (decay ? settings.WeightDecay * p[i] : 0);
            p[i] = (float)(p[i] - lr * update);
        }
    }
}
