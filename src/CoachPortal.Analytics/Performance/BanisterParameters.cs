namespace CoachPortal.Analytics.Performance;

/// <summary>
/// Parameters of Banister's impulse-response (fitness–fatigue) model (Banister et al. 1975; Busso 2003):
/// p(t) = p0 + k1 Σ_{s&lt;t} w(s) e^(−(t−s)/τ1) − k2 Σ_{s&lt;t} w(s) e^(−(t−s)/τ2),
/// with w the daily load; the load of day t acts from day t + 1 on.
/// </summary>
/// <param name="P0">Baseline performance, in the marker's unit.</param>
/// <param name="K1">Fitness gain per unit load.</param>
/// <param name="K2">Fatigue gain per unit load.</param>
/// <param name="Tau1Days">Fitness decay time constant in days.</param>
/// <param name="Tau2Days">Fatigue decay time constant in days.</param>
public sealed record BanisterParameters(double P0, double K1, double K2, double Tau1Days, double Tau2Days)
{
    /// <summary>Modelled performance for every day of <paramref name="dailyLoads"/>. O(days).</summary>
    public double[] Predict(ReadOnlySpan<double> dailyLoads)
    {
        var result = new double[dailyLoads.Length];
        var fitnessDecay = Math.Exp(-1.0 / Tau1Days);
        var fatigueDecay = Math.Exp(-1.0 / Tau2Days);
        double fitness = 0, fatigue = 0;
        for (var t = 0; t < dailyLoads.Length; t++)
        {
            if (t > 0)
            {
                fitness = (fitness + dailyLoads[t - 1]) * fitnessDecay;
                fatigue = (fatigue + dailyLoads[t - 1]) * fatigueDecay;
            }

            result[t] = P0 + K1 * fitness - K2 * fatigue;
        }

        return result;
    }

    /// <summary>
    /// Modelled performance over a future plan: <paramref name="historyLoads"/> then <paramref name="plannedLoads"/>;
    /// returns one value per planned day.
    /// </summary>
    public double[] PredictPlan(ReadOnlySpan<double> historyLoads, ReadOnlySpan<double> plannedLoads)
    {
        var all = new double[historyLoads.Length + plannedLoads.Length];
        historyLoads.CopyTo(all);
        plannedLoads.CopyTo(all.AsSpan(historyLoads.Length));
        return Predict(all)[historyLoads.Length..];
    }
}
