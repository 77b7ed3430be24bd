using CoachPortal.Learning.Forecasting;

namespace CoachPortal.Learning.Simulation;

/// <summary>
/// The properties of a group's readiness reports that a simulator must reproduce to stand in for real athletes: how
/// much athletes differ, how much a day carries over to the next, floor and ceiling days, missing days and how
/// strongly training load moves the next morning's report.
/// </summary>
/// <param name="Athletes">athletes</param>
/// <param name="Days">days over all athletes</param>
/// <param name="ReportedShare">share of days with a readiness report</param>
/// <param name="Mean">mean report</param>
/// <param name="AthleteMeanSpread">standard deviation of the athletes' mean reports</param>
/// <param name="WithinAthleteSpread">standard deviation of reports around each athlete's own mean</param>
/// <param name="Lag1Autocorrelation">correlation of consecutive days' reports, each athlete centred on their own mean</param>
/// <param name="FloorShare">share of reports at 0</param>
/// <param name="CeilingShare">share of reports at 10</param>
/// <param name="LoadCoupling">correlation of log(1 + load) on day D with the report on D + 1, within athletes</param>
public sealed record WellnessStatistics(
    int Athletes,
    int Days,
    double ReportedShare,
    double Mean,
    double AthleteMeanSpread,
    double WithinAthleteSpread,
    double Lag1Autocorrelation,
    double FloorShare,
    double CeilingShare,
    double LoadCoupling)
{
    /// <summary>Computes the statistics of <paramref name="series"/>' readiness and load channels.</summary>
    public static WellnessStatistics Of(IReadOnlyList<WellnessSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var reports = new List<double>();
        var means = new List<double>();
        var deviations = new List<double>();
        var lagPairs = new List<(double, double)>();
        var loadPairs = new List<(double, double)>();
        foreach (var s in series)
        {
            var r = s[WellnessChannel.Readiness];
            var own = r.Where(v => !double.IsNaN(v)).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var mean = own.Average();
            reports.AddRange(own);
            means.Add(mean);
            deviations.AddRange(own.Select(v => v - mean));
            var load = s[WellnessChannel.Load];
            var loadMean = load.Where(v => !double.IsNaN(v)).Select(Log).DefaultIfEmpty().Average();
            for (var d = 0; d + 1 < s.Days; d++)
            {
                if (!double.IsNaN(r[d]) && !double.IsNaN(r[d + 1]))
                {
                    lagPairs.Add((r[d] - mean, r[d + 1] - mean));
                }

                if (!double.IsNaN(load[d]) && !double.IsNaN(r[d + 1]))
                {
                    loadPairs.Add((Log(load[d]) - loadMean, r[d + 1] - mean));
                }
            }
        }

        var days = series.Sum(s => s.Days);
        return new WellnessStatistics(
            series.Count,
            days,
            days == 0 ? 0 : reports.Count / (double)days,
            reports.DefaultIfEmpty().Average(),
            Spread(means),
            Math.Sqrt(deviations.DefaultIfEmpty().Average(d => d * d)),
            Correlation(lagPairs),
            reports.Count == 0 ? 0 : reports.Count(v => v <= 0) / (double)reports.Count,
            reports.Count == 0 ? 0 : reports.Count(v => v >= 10) / (double)reports.Count,
            Correlation(loadPairs));
    }

    private static double Log(double load) => Math.Log(1 + Math.Max(0, load));

    private static double Spread(List<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    // Pearson correlation of already centred pairs (centring again removes what is left of the pooled mean)
    private static double Correlation(List<(double X, double Y)> pairs)
    {
        if (pairs.Count < 3)
        {
            return double.NaN;
        }

        double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }
}
