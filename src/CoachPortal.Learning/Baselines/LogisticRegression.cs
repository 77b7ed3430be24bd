namespace CoachPortal.Learning.Baselines;

/// <summary>
/// Logistic regression by batch gradient descent on standardised inputs with a small L2 penalty: the classical
/// injury-risk baseline on ACWR and monotony (Gabbett 2016's ratio, Foster 1998's monotony).
/// </summary>
public sealed class LogisticRegression
{
    private readonly double[] _mean;
    private readonly double[] _std;
    private readonly double[] _weights;
    private double _bias;

    private LogisticRegression(int inputs)
    {
        _mean = new double[inputs];
        _std = new double[inputs];
        _weights = new double[inputs];
    }

    /// <summary>Fits the model to inputs <paramref name="x"/> and 0/1 outcomes <paramref name="y"/>.</summary>
    public static LogisticRegression Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, int iterations = 500, double learningRate = 0.5, double l2 = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var k = x.Count == 0 ? 0 : x[0].Length;
        var model = new LogisticRegression(k);
        for (var j = 0; j < k; j++)
        {
            model._mean[j] = x.Average(r => r[j]);
            var variance = x.Average(r => (r[j] - model._mean[j]) * (r[j] - model._mean[j]));
            model._std[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        var rate = y.Count == 0 ? 0.5 : Math.Clamp(y.Average(), 1e-4, 1 - 1e-4);
        model._bias = Math.Log(rate / (1 - rate));
        var n = x.Count;
        for (var it = 0; it < iterations && n > 0; it++)
        {
            var gradient = new double[k];
            double gradientBias = 0;
            for (var i = 0; i < n; i++)
            {
                var error = model.Predict(x[i]) - y[i];
                gradientBias += error;
                for (var j = 0; j < k; j++)
                {
                    gradient[j] += error * (x[i][j] - model._mean[j]) / model._std[j];
                }
            }

            model._bias -= learningRate * gradientBias / n;
            for (var j = 0; j < k; j++)
            {
                model._weights[j] -= learningRate * ((gradient[j] / n) + (l2 * model._weights[j]));
            }
        }

        return model;
    }

    /// <summary>The probability of the positive outcome for one input row.</summary>
    public double Predict(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var z = _bias;
        for (var j = 0; j < _weights.Length; j++)
        {
            z += _weights[j] * (x[j] - _mean[j]) / _std[j];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
