using System.Diagnostics;
using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Bench;

/// <summary>Per-session analysis of a 5-hour 1 Hz ride with every column, mean-maximal curves included.</summary>
internal static class SessionAnalysisBenchmark
{
    public static void Print(int iterations)
    {
        const int seconds = 5 * 3600;
        var random = new Random(3);
        var elapsed = new int[seconds];
        var power = new float[seconds];
        var hr = new float[seconds];
        var speed = new float[seconds];
        var distance = new float[seconds];
        var altitude = new float[seconds];
        var t = 0;
        for (var i = 0; i < seconds; i++)
        {
            // A café stop of 20 minutes halfway.
            t += i == seconds / 2 ? 1200 : 1;
            elapsed[i] = t;
            power[i] = (float)(180 + 120 * Math.Sin(i / 300.0) + 60 * random.NextDouble());
            hr[i] = (float)(130 + 20 * Math.Sin(i / 300.0) + 3 * random.NextDouble());
            speed[i] = (float)(8 + 2 * Math.Sin(i / 300.0));
            distance[i] = (i == 0 ? 0 : distance[i - 1]) + speed[i];
            altitude[i] = (float)(200 + 150 * Math.Sin(i / 1800.0) + random.NextDouble());
        }

        var streams = new SessionStreams
        {
            ElapsedSeconds = elapsed,
            PowerWatts = power,
            HeartRateBpm = hr,
            SpeedMetersPerSecond = speed,
            DistanceMeters = distance,
            AltitudeMeters = altitude,
        };
        var profile = new AthleteProfile
        {
            Sex = Sex.Male,
            MaxHeartRateBpm = 190,
            RestingHeartRateBpm = 50,
            LactateThresholdHeartRateBpm = 165,
            FunctionalThresholdPowerWatts = 260,
        };
        var options = new SessionAnalysisOptions { Sport = Sport.Cycling, Rpe = 6 };

        SessionAnalyzer.Analyze(streams, profile, options);
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            SessionAnalyzer.Analyze(streams, profile, options);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine($"session analysis, 5-h ride at 1 Hz (all columns, 3 mean-maximal curves over {MeanMaximalCurve.StandardDurationsSeconds.Count} durations): min {times[0]:F2} ms, median {times[iterations / 2]:F2} ms");
    }
}
