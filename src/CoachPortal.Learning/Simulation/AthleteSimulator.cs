namespace CoachPortal.Learning.Simulation;

/// <summary>
/// Deterministic synthetic athletes for development, tests and the demo: periodised daily loads (three build weeks and
/// a recovery week, a weekly pattern of rest, intervals, easy, tempo and long days, log-normal noise, occasional spike
/// weeks), Banister fitness-fatigue ground truth with observation noise, wellness calibrated against real athletes
/// (PMData, Thambawita et al., 2020: athletes differ in level, days carry over, some days hit the floor, some go
/// unreported, and load moves wellness only a little; the bench's simulator command prints both), injuries whose
/// daily hazard rises exponentially with the acute:chronic workload ratio, and per-class session streams.
/// The same seed and options always give the same output.
/// </summary>
public sealed class AthleteSimulator
{
    // Mon..Sun share of the week's load: rest, intervals, easy, tempo, easy, long, moderate
    private static readonly double[] s_weekPattern = [0.0, 0.19, 0.09, 0.16, 0.06, 0.3, 0.2];

    // build, build, build, recovery
    private static readonly double[] s_blockPattern = [0.95, 1.05, 1.15, 0.7];

    /// <summary>Creates a simulator; default options when null.</summary>
    public AthleteSimulator(SimulatorOptions? options = null)
    {
        Options = options ?? new SimulatorOptions();
    }

    /// <summary>The parameters in use.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Simulates one athlete over <see cref="SimulatorOptions.Days"/> days.</summary>
    public SimulatedAthlete Simulate(ulong seed)
    {
        var o = Options;
        var random = new DeterministicRandom(seed);
        // wellness draws come from their own stream, so loads and injuries are the same whatever the wellness options
        var moods = new WellnessProcess(o, new DeterministicRandom(seed ^ 0x5DEECE66DUL));
        double scale = random.Uniform(1 - o.AthleteLoadSpread, 1 + o.AthleteLoadSpread);
        double p0 = o.BasePerformance + random.Uniform(-10, 10);
        double fitnessDecay = Math.Exp(-1 / o.FitnessTimeConstantDays);
        double fatigueDecay = Math.Exp(-1 / o.FatigueTimeConstantDays);
        var days = new List<DailyRecord>(o.Days);
        var loads = new double[o.Days];
        double fitness = o.WeeklyLoad * scale / 7 * o.FitnessTimeConstantDays * 0.5;
        double fatigue = o.WeeklyLoad * scale / 7 * o.FatigueTimeConstantDays * 0.5;
        int layoff = 0;
        bool spikeWeek = false;
        for (int day = 0; day < o.Days; day++)
        {
            if (day % 7 == 0)
            {
                spikeWeek = random.NextDouble() < o.SpikeWeekProbability;
            }

            double planned = o.WeeklyLoad * scale * s_blockPattern[day / 7 % 4] * s_weekPattern[day % 7] * (spikeWeek ? o.SpikeFactor : 1);
            double noise = Math.Exp(o.DailyLoadNoise * random.NextGaussian() - o.DailyLoadNoise * o.DailyLoadNoise / 2);
            bool unavailable = layoff > 0;
            double load = unavailable ? 0 : planned * noise;
            loads[day] = load;
            layoff = Math.Max(0, layoff - 1);

            double acute = MeanLoad(loads, day, 7);
            double chronic = MeanLoad(loads, day, 28);
            double acwr = day < 7 || chronic < 1e-9 ? 1 : acute / chronic;
            double hazard = o.BaseInjuryHazard * Math.Exp(o.InjuryHazardSlope * Math.Max(0, acwr - 1));
            bool injury = !unavailable && random.NextDouble() < hazard;
            if (injury)
            {
                layoff = o.InjuryLayoffDays;
            }

            fitness = fitness * fitnessDecay + load;
            fatigue = fatigue * fatigueDecay + load;
            double performance = p0 + o.FitnessGain * fitness - o.FatigueGain * fatigue;
            double observed = performance + o.PerformanceNoise * random.NextGaussian();
            double usualFatigue = o.WeeklyLoad * scale / 7 / (1 - fatigueDecay);
            var (wellness, reported) = moods.Next(fatigue, usualFatigue);
            days.Add(new DailyRecord(day, load, fitness, fatigue, performance, observed, wellness, acwr, injury, unavailable, reported));
        }

        return new SimulatedAthlete(seed, scale, p0, days);
    }

    /// <summary>
    /// Calibrated mornings for loads that come from elsewhere (an athlete's generated or logged sessions): the same
    /// wellness as <see cref="Simulate"/>, with the fatigue state computed from <paramref name="dailyLoads"/> and the
    /// athlete's usual fatigue from their mean. Each morning comes before that day's training. The same loads and
    /// seed always give the same mornings.
    /// </summary>
    public IReadOnlyList<SimulatedWellness> Wellness(IReadOnlyList<double> dailyLoads, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dailyLoads);
        var process = new WellnessProcess(Options, new DeterministicRandom(seed ^ 0x5DEECE66DUL));
        double decay = Math.Exp(-1 / Options.FatigueTimeConstantDays);
        double usualFatigue = dailyLoads.DefaultIfEmpty(0).Average(l => Math.Max(0, l)) / (1 - decay);
        // an athlete who starts logging was training before: start in the steady state of the first four weeks
        double fatigue = dailyLoads.Take(28).DefaultIfEmpty(0).Average(l => Math.Max(0, l)) / (1 - decay);
        var result = new List<SimulatedWellness>(dailyLoads.Count);
        for (int day = 0; day < dailyLoads.Count; day++)
        {
            var (wellness, reported) = process.Next(fatigue, usualFatigue);
            result.Add(new SimulatedWellness(day, wellness, reported));
            fatigue = fatigue * decay + Math.Max(0, dailyLoads[day]);
        }

        return result;
    }

    /// <summary>Simulates a session of the given class, resampled to <paramref name="length"/> points.</summary>
    /// <param name="sessionClass">the kind of session</param>
    /// <param name="seed">reproduces the session</param>
    /// <param name="length">samples per channel</param>
    /// <param name="missingChannelProbability">chance that each of power and cadence was not recorded</param>
    public static SimulatedSession SimulateSession(SessionClass sessionClass, ulong seed, int length = 120, double missingChannelProbability = 0.0)
    {
        var random = new DeterministicRandom(seed);
        var intensity = IntensityProfile(sessionClass, length, random);
        double restingHr = random.Uniform(50, 65);
        double maxHr = random.Uniform(175, 195);
        double thresholdSpeed = random.Uniform(3.5, 4.5);
        double thresholdPower = random.Uniform(200, 300);
        var channels = new float[4][];
        for (int c = 0; c < 4; c++)
        {
            channels[c] = new float[length];
        }

        double hr = restingHr + 0.5 * (maxHr - restingHr) * intensity[0];
        for (int i = 0; i < length; i++)
        {
            // heart rate follows intensity with a first-order lag
            double target = restingHr + (maxHr - restingHr) * Math.Min(1, 0.45 + 0.5 * intensity[i]);
            hr += 0.15 * (target - hr);
            channels[0][i] = (float)(hr + random.NextGaussian() * 1.5);
            channels[1][i] = (float)Math.Max(0, thresholdSpeed * intensity[i] * (1 + 0.03 * random.NextGaussian()));
            channels[2][i] = (float)Math.Max(0, thresholdPower * intensity[i] * (1 + 0.05 * random.NextGaussian()));
            channels[3][i] = (float)(75 + 20 * intensity[i] + 2 * random.NextGaussian());
        }

        var present = new[] { true, true, random.NextDouble() >= missingChannelProbability, random.NextDouble() >= missingChannelProbability };
        for (int c = 0; c < 4; c++)
        {
            if (!present[c])
            {
                Array.Clear(channels[c]);
            }
        }

        return new SimulatedSession(sessionClass, channels, present);
    }

    private static double[] IntensityProfile(SessionClass sessionClass, int length, DeterministicRandom random)
    {
        var profile = new double[length];
        double level = random.Uniform(-0.04, 0.04);
        int reps = 4 + random.NextInt(4);
        for (int i = 0; i < length; i++)
        {
            double x = i / (double)length;
            double value = sessionClass switch
            {
                SessionClass.Recovery => 0.5,
                SessionClass.Endurance => 0.68,
                SessionClass.Tempo => x < 0.2 || x > 0.85 ? 0.55 : 0.88,
                SessionClass.Intervals => x < 0.15 || x > 0.9 ? 0.55 : ((x - 0.15) / 0.75 * reps % 1.0 < 0.5 ? 1.05 : 0.45),
                _ => x > 0.9 ? 1.05 : 0.93,
            };
            profile[i] = value + level + 0.03 * random.NextGaussian();
        }

        return profile;
    }

    private static double MeanLoad(double[] loads, int day, int window)
    {
        int start = Math.Max(0, day - window + 1);
        double sum = 0;
        for (int d = start; d <= day; d++)
        {
            sum += loads[d];
        }

        return sum / window;
    }
}
