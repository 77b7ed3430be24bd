using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CoachPortal.Analytics.Performance;

/// <summary>
/// Fits Banister's impulse-response model to an athlete's performance markers by bounded non-linear least squares
/// (Levenberg–Marquardt, MathNet.Numerics) from several starting points. Each start takes (τ1, τ2) from a grid and
/// (p0, k1, k2) from the linear least-squares solution at those time constants, since the model is linear in them
/// (Busso 2003 fits the same way). Cost per start: O(iterations · 5 · days).
/// </summary>
public static class BanisterModel
{
    /// <summary>Fits the model; needs at least 6 observations on days within the load series.</summary>
    public static BanisterFitResult Fit(ReadOnlySpan<double> dailyLoads, IReadOnlyList<PerformanceObservation> observations, BanisterFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        options ??= BanisterFitOptions.Default;
        if (observations.Count < 6)
        {
            throw new AnalyticsInputException("The Banister model has 5 parameters and needs at least 6 observations.");
        }

        var loads = dailyLoads.ToArray();
        var days = new double[observations.Count];
        var values = new double[observations.Count];
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if ((uint)o.DayIndex >= (uint)loads.Length || double.IsNaN(o.Value))
            {
                throw new AnalyticsInputException($"Observation {i} on day {o.DayIndex} lies outside the {loads.Length} days of loads.");
            }

            days[i] = o.DayIndex;
            values[i] = o.Value;
        }

        var (lower, upper) = Bounds(loads, values, options);
        var model = ObjectiveFunction.NonlinearModel(
            (p, x) => Evaluate(loads, p, x),
            Vector<double>.Build.DenseOfArray(days),
            Vector<double>.Build.DenseOfArray(values));

        BanisterParameters? best = null;
        var bestSse = double.PositiveInfinity;
        var starts = 0;
        foreach (var tau1 in options.StartTau1Days)
        {
            foreach (var tau2 in options.StartTau2Days)
            {
                if (tau2 >= tau1)
                {
                    continue;
                }

                starts++;
                var guess = LinearStart(loads, days, values, tau1, tau2, lower, upper);
                var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: options.MaxIterations);
                Vector<double> point;
                try
                {
                    point = minimizer.FindMinimum(model, guess, lower, upper).MinimizingPoint;
                }
                catch (MaximumIterationsException)
                {
                    // A start that does not converge within the cap simply loses to the others.
                    continue;
                }

                var sse = SumOfSquares(loads, point, days, values);
                if (sse < bestSse)
                {
                    bestSse = sse;
                    best = new BanisterParameters(point[0], point[1], point[2], point[3], point[4]);
                }
            }
        }

        if (best is null)
        {
            throw new AnalyticsInputException("No starting point of the Banister fit converged.");
        }

        var predicted = best.Predict(loads);
        var residuals = new double[values.Length];
        var mean = values.Average();
        double ssRes = 0, ssTot = 0;
        for (var i = 0; i < values.Length; i++)
        {
            residuals[i] = values[i] - predicted[(int)days[i]];
            ssRes += residuals[i] * residuals[i];
            ssTot += (values[i] - mean) * (values[i] - mean);
        }

        return new BanisterFitResult(best, residuals, Math.Sqrt(ssRes / values.Length), ssTot > 0 ? 1 - ssRes / ssTot : double.NaN, starts);
    }

    private static Vector<double> Evaluate(double[] loads, Vector<double> p, Vector<double> days)
    {
        var series = new BanisterParameters(p[0], p[1], p[2], p[3], p[4]).Predict(loads);
        var result = Vector<double>.Build.Dense(days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            result[i] = series[(int)days[i]];
        }

        return result;
    }

    private static double SumOfSquares(double[] loads, Vector<double> p, double[] days, double[] values)
    {
        var series = new BanisterParameters(p[0], p[1], p[2], p[3], p[4]).Predict(loads);
        var sse = 0.0;
        for (var i = 0; i < days.Length; i++)
        {
            var r = values[i] - series[(int)days[i]];
            sse += r * r;
        }

        return sse;
    }

    /// <summary>
    /// Bounds: τ from the options; k1, k2 from 0 to a gain that would move performance by 20 times the observed
    /// range at the mean fitness level; p0 within 20 ranges of the observed values.
    /// </summary>
    private static (Vector<double> Lower, Vector<double> Upper) Bounds(double[] loads, double[] values, BanisterFitOptions options)
    {
        var range = Math.Max(values.Max() - values.Min(), 1e-6 * Math.Max(1.0, Math.Abs(values.Average())));
        var meanLoad = Math.Max(loads.Length > 0 ? loads.Average() : 0, 1e-9);
        var kMax = 20 * range / (meanLoad * options.MinTau2Days);
        var lower = Vector<double>.Build.DenseOfArray([values.Min() - 20 * range, 0, 0, options.MinTau1Days, options.MinTau2Days]);
        var upper = Vector<double>.Build.DenseOfArray([values.Max() + 20 * range, kMax, kMax, options.MaxTau1Days, options.MaxTau2Days]);
        return (lower, upper);
    }

    private static Vector<double> LinearStart(double[] loads, double[] days, double[] values, double tau1, double tau2, Vector<double> lower, Vector<double> upper)
    {
        var fitness = new BanisterParameters(0, 1, 0, tau1, tau2).Predict(loads);
        var fatigue = new BanisterParameters(0, 0, 1, tau1, tau2).Predict(loads);
        var design = Matrix<double>.Build.Dense(days.Length, 3, (i, j) => j switch
        {
            0 => 1.0,
            1 => fitness[(int)days[i]],
            _ => -fatigue[(int)days[i]],
        });
        double[] linear;
        try
        {
            linear = design.QR().Solve(Vector<double>.Build.DenseOfArray(values)).ToArray();
        }
        catch (ArgumentException)
        {
            linear = [values.Average(), 0, 0];
        }

        // Interior start: the bounded LM maps parameters through a sine transform that is flat at the bounds.
        var guess = new[] { linear[0], linear[1], linear[2], tau1, tau2 };
        for (var i = 0; i < guess.Length; i++)
        {
            var margin = 1e-3 * (upper[i] - lower[i]);
            if (double.IsNaN(guess[i]))
            {
                guess[i] = 0.5 * (lower[i] + upper[i]);
            }

            guess[i] = Math.Clamp(guess[i], lower[i] + margin, upper[i] - margin);
        }

        return Vector<double>.Build.DenseOfArray(guess);
    }
}
