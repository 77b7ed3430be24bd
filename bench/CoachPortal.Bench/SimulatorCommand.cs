using System.Globalization;
using CoachPortal.Learning.Forecasting;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Bench;

/// <summary>
/// The simulator's athletes next to real ones (PMData, Thambawita et al., ACM MMSys 2020, doi:10.1145/3339825.3394926):
/// the same statistics of readiness for both, with as many simulated athletes and days as the real folder has.
/// Usage: simulator --pmdata DIR.
/// </summary>
internal static class SimulatorCommand
{
    public static int Run(string[] args)
    {
        var i = Array.IndexOf(args, "--pmdata");
        if (i < 0 || i + 1 >= args.Length)
        {
            throw new ArgumentException("simulator needs --pmdata DIR");
        }

        var real = PmDataSeries.Load(args[i + 1]);
        var days = (int)Math.Round(real.Average(s => s.Days));
        var simulator = new AthleteSimulator(new SimulatorOptions { Days = days });
        var simulated = Enumerable.Range(0, real.Count).Select(k => ToSeries(simulator.Simulate((ulong)(1000 + k)), $"sim{k}")).ToList();
        var many = Enumerable.Range(0, 64).Select(k => ToSeries(simulator.Simulate((ulong)(5000 + k)), $"many{k}")).ToList();
        var (r, s, m) = (WellnessStatistics.Of(real), WellnessStatistics.Of(simulated), WellnessStatistics.Of(many));
        Console.WriteLine($"readiness statistics: PMData (Thambawita et al., ACM MMSys 2020, doi:10.1145/3339825.3394926) vs the simulator ({real.Count} athletes x {days} days, and 64 athletes)");
        Console.WriteLine($"  {"",-34} {"real",8} {"simulated",10} {"sim x64",8}");
        Row("athletes", r.Athletes, s.Athletes, m.Athletes, "0");
        Row("days", r.Days, s.Days, m.Days, "0");
        Row("share of days reported", r.ReportedShare, s.ReportedShare, m.ReportedShare, "0.00");
        Row("mean readiness", r.Mean, s.Mean, m.Mean, "0.00");
        Row("SD of athlete means", r.AthleteMeanSpread, s.AthleteMeanSpread, m.AthleteMeanSpread, "0.00");
        Row("SD within athletes", r.WithinAthleteSpread, s.WithinAthleteSpread, m.WithinAthleteSpread, "0.00");
        Row("lag-1 autocorrelation", r.Lag1Autocorrelation, s.Lag1Autocorrelation, m.Lag1Autocorrelation, "0.00");
        Row("share of reports at 0", r.FloorShare, s.FloorShare, m.FloorShare, "0.000");
        Row("share of reports at 10", r.CeilingShare, s.CeilingShare, m.CeilingShare, "0.000");
        Row("corr(log load D, readiness D+1)", r.LoadCoupling, s.LoadCoupling, m.LoadCoupling, "0.00");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulator: athlete_sd={m.AthleteMeanSpread:F2}/{r.AthleteMeanSpread:F2} lag1={m.Lag1Autocorrelation:F2}/{r.Lag1Autocorrelation:F2} floor={m.FloorShare:F3}/{r.FloorShare:F3} reported={m.ReportedShare:F2}/{r.ReportedShare:F2} load_coupling={m.LoadCoupling:F2}/{r.LoadCoupling:F2}"));
        return 0;
    }

    /// <summary>A simulated athlete as the forecaster's daily series: the whole-point reports, nothing on missed days.</summary>
    public static WellnessSeries ToSeries(SimulatedAthlete athlete, string name)
    {
        var series = new WellnessSeries(name, new DateOnly(2019, 11, 1), athlete.Days.Count);
        foreach (var day in athlete.Days)
        {
            series[WellnessChannel.Readiness][day.Day] = day.ReportedReadiness ?? double.NaN;
            series[WellnessChannel.Load][day.Day] = day.Load;
            series.InjuryOnset[day.Day] = day.InjuryOnset;
        }

        return series;
    }

    private static void Row(string name, double real, double simulated, double many, string format) =>
        Console.WriteLine($"  {name,-34} {real.ToString(format, CultureInfo.InvariantCulture),8} {simulated.ToString(format, CultureInfo.InvariantCulture),10} {many.ToString(format, CultureInfo.InvariantCulture),8}");
}
