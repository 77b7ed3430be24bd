using CoachPortal.Core.Wellness;

namespace CoachPortal.Core.Seeding.Demo;

/// <summary>
/// Simulated morning check-ins that follow the training, for the demo: each morning reflects the load of the days
/// before it through the fitness-fatigue balance (Banister et al., 1975, in Coggan's exponentially weighted form:
/// CTL over 42 days, ATL over 7, form = CTL − ATL) and yesterday's load, plus sleep and a day-to-day mood that carry
/// over from one day to the next (first-order autoregressive noise). Loads are taken relative to the athlete's own
/// CTL, so a light and a heavy trainer answer on the same scale. Deterministic for a seed.
/// </summary>
public static class DemoWellness
{
    private const double CtlDays = 42;
    private const double AtlDays = 7;
    private const double MinCtl = 20;
    private const double UsualSleepHours = 7.4;

    /// <summary>
    /// One check-in per day of <paramref name="dailyLoads"/> (index 0 is <paramref name="start"/>), each one made in
    /// the morning, before that day's training. Callers drop the days the athlete did not check in.
    /// </summary>
    public static List<WellnessCheckIn> CheckIns(int athleteId, DateOnly start, IReadOnlyList<double> dailyLoads, int seed, int restingHeartRateBpm = 48)
    {
        ArgumentNullException.ThrowIfNull(dailyLoads);
        var rng = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

        // Start in steady state at the mean of the first four weeks of training, so that the first weeks carry no
        // warm-up artefact (an athlete who starts logging was training before).
        var firstTraining = Math.Max(0, dailyLoads.ToList().FindIndex(l => l > 0));
        var settle = dailyLoads.Skip(firstTraining).Take(28).DefaultIfEmpty(0).Average();
        double ctl = settle, atl = settle, yesterday = settle, sleepDeviation = 0, mood = 0;
        var result = new List<WellnessCheckIn>(dailyLoads.Count);
        for (var day = 0; day < dailyLoads.Count; day++)
        {
            var basis = Math.Max(ctl, MinCtl);
            var form = (ctl - atl) / basis;
            var lastLoad = (yesterday / basis) - 1;
            sleepDeviation = (0.5 * sleepDeviation) + (0.45 * Gaussian());
            mood = (0.6 * mood) + (0.35 * Gaussian());
            var readiness = 6.9 + (2.0 * form) - (0.9 * lastLoad) + (0.7 * sleepDeviation) + mood;
            result.Add(new WellnessCheckIn
            {
                AthleteId = athleteId,
                Date = start.AddDays(day),
                Readiness = Scale(readiness),
                Fatigue = Scale(4 - (2.2 * form) + (1.0 * lastLoad) - (0.3 * sleepDeviation) + (0.5 * Gaussian())),
                Soreness = Scale(3 - (1.5 * form) + (1.3 * lastLoad) + (0.6 * Gaussian())),
                SleepHours = Math.Round(UsualSleepHours + sleepDeviation, 1),
                SleepQuality = Scale(7 + (1.2 * sleepDeviation) + (0.6 * Gaussian())),
                Stress = Scale(3 - (1.5 * mood) + (0.5 * Gaussian())),
                Mood = Scale(readiness + (0.7 * Gaussian())),
                RestingHeartRateBpm = (int)Math.Round(restingHeartRateBpm - (4 * form) + (1.5 * lastLoad) + (1.2 * Gaussian())),
                HrvRmssdMs = Math.Round(Math.Max(15, 75 + (15 * form) - (5 * lastLoad) + (5 * Gaussian())), 1),
            });

            if (day >= firstTraining)
            {
                var load = Math.Max(0, dailyLoads[day]);
                ctl += (load - ctl) / CtlDays;
                atl += (load - atl) / AtlDays;
                yesterday = load;
            }
        }

        return result;
    }

    private static int Scale(double value) => Math.Clamp((int)Math.Round(value), 1, 10);
}
