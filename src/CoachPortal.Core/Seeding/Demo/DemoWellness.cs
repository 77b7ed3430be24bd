using CoachPortal.Core.Wellness;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Core.Seeding.Demo;

/// <summary>
/// Simulated morning check-ins for the demo, from the engine's calibrated simulator
/// (<see cref="AthleteSimulator.Wellness"/>): readiness behaves as real athletes' reports do in PMData (Thambawita et
/// al., 2020): each athlete has a level of their own, days carry over, some mornings hit the floor, some go
/// unreported, and the training load moves readiness only a little. The other answers follow the same underlying
/// readiness with their own noise, on the check-in's scales. Deterministic for a seed.
/// </summary>
public static class DemoWellness
{
    private const double UsualSleepHours = 7.2;

    /// <summary>
    /// One morning per day of <paramref name="dailyLoads"/> (index 0 is <paramref name="start"/>), each made before
    /// that day's training; null where the athlete did not check in. The rows are marked as simulated.
    /// </summary>
    public static List<WellnessCheckIn?> CheckIns(int athleteId, DateOnly start, IReadOnlyList<double> dailyLoads, int seed, int restingHeartRateBpm = 48)
    {
        ArgumentNullException.ThrowIfNull(dailyLoads);
        var mornings = new AthleteSimulator().Wellness(dailyLoads, (ulong)seed);
        var rng = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

        var result = new List<WellnessCheckIn?>(mornings.Count);
        foreach (var morning in mornings)
        {
            // Every draw is made on every day, so a day's answers do not depend on whether earlier days were reported.
            var w = morning.Wellness;
            var (fatigue, soreness, stress) = (Gaussian(), Gaussian(), Gaussian());
            var (sleepQuality, mood, sleepHours, heartRate, hrv) = (Gaussian(), Gaussian(), Gaussian(), Gaussian(), Gaussian());
            if (morning.ReportedReadiness is not { } readiness)
            {
                result.Add(null);
                continue;
            }

            result.Add(new WellnessCheckIn
            {
                AthleteId = athleteId,
                Date = start.AddDays(morning.Day),
                Readiness = readiness,
                Fatigue = Scale(1 + (0.8 * (10 - w)) + (0.9 * fatigue)),
                Soreness = Scale(1 + (0.7 * (10 - w)) + (1.0 * soreness)),
                Stress = Scale(1 + (0.6 * (10 - w)) + (0.9 * stress)),
                SleepQuality = Scale(1.5 + (0.8 * w) + (0.9 * sleepQuality)),
                Mood = Scale(1.5 + (0.8 * w) + (0.8 * mood)),
                SleepHours = Math.Round(Math.Clamp(UsualSleepHours + (0.15 * (w - 5)) + (0.6 * sleepHours), 4, 11), 1),
                RestingHeartRateBpm = (int)Math.Round(restingHeartRateBpm + (0.6 * (5 - w)) + (1.2 * heartRate)),
                HrvRmssdMs = Math.Round(Math.Max(15, 75 + (3 * (w - 5)) + (5 * hrv)), 1),
                IsSimulated = true,
            });
        }

        return result;
    }

    private static int Scale(double value) => Math.Clamp((int)Math.Round(value), 1, 10);
}
