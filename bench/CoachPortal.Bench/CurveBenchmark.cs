using System.Diagnostics;
using CoachPortal.Analytics.Performance;
using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Bench;

/// <summary>
/// Mean-maximal curve cost per hour of 1 Hz data (one stream, the 29 standard durations), and the dashboard's
/// per-request work: the envelope of a season's session curves and the CP fit.
/// </summary>
internal static class CurveBenchmark
{
    public static int Run(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 30;
        Console.WriteLine($"# {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var hours in new[] { 1, 5 })
        {
            var seconds = hours * 3600;
            var random = new Random(hours);
            var elapsed = new int[seconds];
            var power = new float[seconds];
            for (var i = 0; i < seconds; i++)
            {
                elapsed[i] = i;
                power[i] = (float)(200 + (100 * Math.Sin(i / 240.0)) + (80 * random.NextDouble()));
            }

            MeanMaximalCurve.Compute(elapsed, power, missingCountsAsZero: true);
            var (median, min) = Time(iterations, () => MeanMaximalCurve.Compute(elapsed, power, missingCountsAsZero: true));
            Console.WriteLine($"mean-maximal curve, {hours} h at 1 Hz, one stream: median {median:F3} ms, min {min:F3} ms, median per hour of data {median / hours:F3} ms");
        }

        // A year of sessions for the dashboard: 300 curves of 1–3 h, combined and fitted on each request.
        var curves = new List<MeanMaximalCurve>();
        var rng = new Random(7);
        for (var s = 0; s < 300; s++)
        {
            var n = 3600 * (1 + (s % 3));
            var elapsed = Enumerable.Range(0, n).ToArray();
            var power = new float[n];
            for (var i = 0; i < n; i++)
            {
                power[i] = (float)(180 + (120 * Math.Sin((i + s) / 200.0)) + (60 * rng.NextDouble()));
            }

            curves.Add(MeanMaximalCurve.Compute(elapsed, power, missingCountsAsZero: true));
        }

        var (combine, combineMin) = Time(iterations, () => CriticalPowerModel.FitCurve(MeanMaximalCurve.Combine(curves)));
        Console.WriteLine($"envelope of 300 session curves + CP fit: median {combine:F3} ms, min {combineMin:F3} ms");
        return 0;
    }

    private static (double Median, double Min) Time(int iterations, Action action)
    {
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[iterations / 2], times[0]);
    }
}
