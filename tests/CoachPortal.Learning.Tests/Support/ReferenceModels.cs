using CoachPortal.Learning.Models;

namespace CoachPortal.Learning.Tests.Support;

/// <summary>Plain C# forward passes of the three models (scalar loops, double accumulation): the oracles for the ONNX graphs.</summary>
internal sealed class ReferenceModels(IReadOnlyDictionary<string, float[]> p, float[] featureMean, float[] featureStd)
{
    private float[] P(string name) => p["p." + name];

    public double[,] Normalize(float[,,] x, float[,] mask, int n)
    {
        int t = x.GetLength(1), f = x.GetLength(2);
        var result = new double[t, f];
        for (int i = 0; i < t; i++)
        {
            for (int j = 0; j < f; j++)
            {
                result[i, j] = (x[n, i, j] - featureMean[j]) / featureStd[j] * mask[n, j];
            }
        }

        return result;
    }

    public double[] Gru(double[,] x, int hidden, int outputs)
    {
        int steps = x.GetLength(0), features = x.GetLength(1), g = 3 * hidden;
        float[] wx = P("gru.wx"), wh = P("gru.wh"), bx = P("gru.bx"), bh = P("gru.bh");
        var h = new double[hidden];
        for (int t = 0; t < steps; t++)
        {
            var gx = new double[g];
            var gh = new double[g];
            for (int j = 0; j < g; j++)
            {
                gx[j] = bx[j];
                gh[j] = bh[j];
                for (int f = 0; f < features; f++)
                {
                    gx[j] += x[t, f] * wx[f * g + j];
                }

                for (int k = 0; k < hidden; k++)
                {
                    gh[j] += h[k] * wh[k * g + j];
                }
            }

            var next = new double[hidden];
            for (int k = 0; k < hidden; k++)
            {
                double r = Sigmoid(gx[k] + gh[k]);
                double z = Sigmoid(gx[hidden + k] + gh[hidden + k]);
                double nn = Math.Tanh(gx[2 * hidden + k] + r * gh[2 * hidden + k]);
                next[k] = (1 - z) * nn + z * h[k];
            }

            h = next;
        }

        return Linear([h], P("head.w"), P("head.b"), outputs)[0];
    }

    public (double[] Head, double[] Attention) Attention(double[,] x, int width, int heads, int layers, int outputs)
    {
        int steps = x.GetLength(0), features = x.GetLength(1), dh = width / heads;
        var rows = Enumerable.Range(0, steps).Select(t => Enumerable.Range(0, features).Select(f => x[t, f]).ToArray()).ToArray();
        var e = Linear(rows, P("proj.w"), P("proj.b"), width);
        var pe = AttentionArchitecture.PositionalEncoding(steps, width);
        for (int t = 0; t < steps; t++)
        {
            for (int d = 0; d < width; d++)
            {
                e[t][d] += pe[t * width + d];
            }
        }

        var lastAttention = new double[steps];
        for (int layer = 0; layer < layers; layer++)
        {
            string k = $"block{layer}";
            var a = e.Select(r => LayerNorm(r, P($"{k}.ln1.g"), P($"{k}.ln1.b"))).ToArray();
            var zero = new float[width];
            var q = Linear(a, P($"{k}.wq"), zero, width);
            var key = Linear(a, P($"{k}.wk"), zero, width);
            var v = Linear(a, P($"{k}.wv"), zero, width);
            var mixed = Enumerable.Range(0, steps).Select(_ => new double[width]).ToArray();
            Array.Clear(lastAttention);
            for (int head = 0; head < heads; head++)
            {
                for (int t = 0; t < steps; t++)
                {
                    var scores = new double[steps];
                    for (int s = 0; s < steps; s++)
                    {
                        for (int i = 0; i < dh; i++)
                        {
                            scores[s] += q[t][head * dh + i] * key[s][head * dh + i];
                        }

                        scores[s] /= Math.Sqrt(dh);
                    }

                    var w = Softmax(scores);
                    for (int s = 0; s < steps; s++)
                    {
                        for (int i = 0; i < dh; i++)
                        {
                            mixed[t][head * dh + i] += w[s] * v[s][head * dh + i];
                        }

                        if (t == steps - 1)
                        {
                            lastAttention[s] += w[s] / heads;
                        }
                    }
                }
            }

            var o = Linear(mixed, P($"{k}.wo"), P($"{k}.bo"), width);
            e = e.Select((r, t) => r.Select((val, d) => val + o[t][d]).ToArray()).ToArray();
            var f2 = e.Select(r => LayerNorm(r, P($"{k}.ln2.g"), P($"{k}.ln2.b"))).ToArray();
            var hidden = Linear(f2, P($"{k}.w1"), P($"{k}.b1"), 2 * width).Select(r => r.Select(val => Math.Max(0, val)).ToArray()).ToArray();
            var ffn = Linear(hidden, P($"{k}.w2"), P($"{k}.b2"), width);
            e = e.Select((r, t) => r.Select((val, d) => val + ffn[t][d]).ToArray()).ToArray();
        }

        var last = LayerNorm(e[steps - 1], P("final.ln.g"), P("final.ln.b"));
        return (Linear([last], P("head.w"), P("head.b"), outputs)[0], lastAttention);
    }

    public (double[] Head, double[,] Evidence) Cnn(double[,] x, float[,] mask, int n, int channels, int kernel, int outputs)
    {
        int steps = x.GetLength(0), features = x.GetLength(1);
        var input = new double[2 * features, steps];
        for (int t = 0; t < steps; t++)
        {
            for (int f = 0; f < features; f++)
            {
                input[f, t] = x[t, f];
                input[features + f, t] = mask[n, f];
            }
        }

        var h1 = Conv(input, P("conv1.w"), P("conv1.b"), channels, kernel);
        var h2 = Conv(h1, P("conv2.w"), P("conv2.b"), channels, kernel);
        float[] wo = P("head.w"), bo = P("head.b");
        var head = new double[outputs];
        var evidence = new double[steps, outputs];
        for (int k = 0; k < outputs; k++)
        {
            for (int t = 0; t < steps; t++)
            {
                for (int c = 0; c < channels; c++)
                {
                    evidence[t, k] += h2[c, t] * wo[c * outputs + k];
                }

                head[k] += evidence[t, k] / steps;
            }

            head[k] += bo[k];
        }

        return (head, evidence);
    }

    private static double[,] Conv(double[,] input, float[] w, float[] b, int outChannels, int kernel)
    {
        int inChannels = input.GetLength(0), steps = input.GetLength(1), padLeft = kernel / 2;
        var result = new double[outChannels, steps];
        for (int o = 0; o < outChannels; o++)
        {
            for (int t = 0; t < steps; t++)
            {
                double sum = b[o];
                for (int c = 0; c < inChannels; c++)
                {
                    for (int k = 0; k < kernel; k++)
                    {
                        int s = t + k - padLeft;
                        if (s >= 0 && s < steps)
                        {
                            sum += w[(o * inChannels + c) * kernel + k] * input[c, s];
                        }
                    }
                }

                result[o, t] = Math.Max(0, sum);
            }
        }

        return result;
    }

    private static double[][] Linear(double[][] rows, float[] w, float[] b, int outputs)
    {
        int inputs = rows[0].Length;
        return rows.Select(r =>
        {
            var o = new double[outputs];
            for (int j = 0; j < outputs; j++)
            {
                o[j] = b[j];
                for (int i = 0; i < inputs; i++)
                {
                    o[j] += r[i] * w[i * outputs + j];
                }
            }

            return o;
        }).ToArray();
    }

    private static double[] LayerNorm(double[] x, float[] g, float[] b)
    {
        double mean = x.Average();
        double variance = x.Average(v => (v - mean) * (v - mean));
        return x.Select((v, i) => (v - mean) / Math.Sqrt(variance + 1e-5) * g[i] + b[i]).ToArray();
    }

    public static double[] Softmax(double[] x)
    {
        double max = x.Max();
        var e = x.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}
