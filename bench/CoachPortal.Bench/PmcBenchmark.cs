using System.Diagnostics;
using System.Runtime.InteropServices;
using CoachPortal.Analytics.Load;

namespace CoachPortal.Bench;

/// <summary>
/// PMC + ACWR (rolling and EWMA) + monotony/strain + ramp rate for 100 athletes × 10 years of daily loads, on one
/// thread. Goal: ≤ 50 ms per full recompute. Usage: pmc [athletes] [years] [iterations].
/// </summary>
internal static class PmcBenchmark
{
    public static int Run(string[] args)
    {
        var athletes = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var years = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var iterations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30;
        var days = years * 365 + years / 4;
        var start = new DateOnly(2016, 1, 1);
        var loads = GenerateLoads(athletes, days);

        // Warm-up so that tiered JIT has produced optimised code before timing.
        var checksum = 0.0;
        for (var i = 0; i < 5; i++)
        {
            checksum += RecomputeAll(start, loads);
        }

        // Wall time suffers when other processes share the cores; process CPU time (this thread plus the GC) does not.
        var full = new double[iterations];
        var fullCpu = new double[iterations];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < iterations; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            checksum += RecomputeAll(start, loads);
            full[i] = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            fullCpu[i] = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        }

        // Incremental: every athlete's last 7 days change (the nightly job after a week of imports).
        var previous = loads.Select(l => TrainingLoadCalculator.Compute(start, l)).ToArray();
        var from = start.AddDays(days - 7);
        var incremental = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            for (var a = 0; a < athletes; a++)
            {
                checksum += TrainingLoadCalculator.Recompute(previous[a], loads[a], from).Ctl[^1];
            }

            incremental[i] = sw.Elapsed.TotalMilliseconds;
        }

        // The recompute job's path: rebuild the 28 stored rows before the changed date, extend by the new days.
        var lookback = TrainingLoadCalculator.RequiredLookbackDays(TrainingLoadOptions.Default);
        var storedRows = previous.Select(p => Enumerable.Range(days - 7 - lookback, lookback).Select(i => p[i]).ToArray()).ToArray();
        var fromRows = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            for (var a = 0; a < athletes; a++)
            {
                var history = TrainingLoadSeries.FromDays(storedRows[a], days - 7 - lookback, TrainingLoadOptions.Default);
                checksum += TrainingLoadCalculator.Extend(history, loads[a].AsSpan(days - 7)).Ctl[^1];
            }

            fromRows[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(full);
        Array.Sort(fullCpu);
        Array.Sort(incremental);
        Array.Sort(fromRows);
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
        Console.WriteLine($"workload: {athletes} athletes × {days} days = {athletes * days:N0} athlete-days, one thread, {iterations} timed runs after 5 warm-up runs");
        Console.WriteLine($"full recompute (PMC + ACWR rolling/EWMA + monotony/strain + ramp): min {full[0]:F2} ms, median {full[iterations / 2]:F2} ms, max {full[^1]:F2} ms");
        Console.WriteLine($"  process CPU time per run: min {fullCpu[0]:F1} ms, median {fullCpu[iterations / 2]:F1} ms");
        Console.WriteLine($"  = {athletes * (double)days / (fullCpu[iterations / 2] / 1000) / 1e6:F1} M athlete-days per CPU-second; goal ≤ 50 ms on one core: {(fullCpu[iterations / 2] <= 50 ? "met" : "NOT met")} by CPU time, {(full[iterations / 2] <= 50 ? "met" : "not met")} by wall time (which counts waits for a shared core)");
        Console.WriteLine($"incremental recompute of the last 7 days, all athletes, from the full previous series: min {incremental[0]:F2} ms, median {incremental[iterations / 2]:F2} ms");
        Console.WriteLine($"incremental recompute of the last 7 days, all athletes, from {lookback} stored rows: min {fromRows[0]:F3} ms, median {fromRows[iterations / 2]:F3} ms");
        SessionAnalysisBenchmark.Print(Math.Max(5, iterations / 3));
        Console.WriteLine($"(checksum {checksum:E3})");
        return 0;
    }

    private static double RecomputeAll(DateOnly start, double[][] loads)
    {
        var sum = 0.0;
        foreach (var athlete in loads)
        {
            var series = TrainingLoadCalculator.Compute(start, athlete);
            sum += series.Tsb[^1] + series.AcwrEwma[^1];
        }

        return sum;
    }

    private static double[][] GenerateLoads(int athletes, int days)
    {
        var random = new Random(42);
        var loads = new double[athletes][];
        for (var a = 0; a < athletes; a++)
        {
            var level = 40 + 60 * random.NextDouble();
            loads[a] = new double[days];
            for (var d = 0; d < days; d++)
            {
                // Rest days, easy weeks every fourth week, and day-to-day variation.
                var rest = random.NextDouble() < 0.2;
                var weekFactor = d / 7 % 4 == 3 ? 0.6 : 1.0;
                loads[a][d] = rest ? 0 : level * weekFactor * (0.3 + 1.4 * random.NextDouble());
            }
        }

        return loads;
    }
}
