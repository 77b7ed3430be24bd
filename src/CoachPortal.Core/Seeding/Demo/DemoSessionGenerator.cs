using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Sessions.Streams;

namespace CoachPortal.Core.Seeding.Demo;

/// <summary>
/// Generates plausible 1 Hz streams for demo sessions: an intensity plan (warm-up, main set, cool-down) drives
/// speed or power around the athlete's threshold, and heart rate follows with a first-order lag (τ ≈ 30 s) plus
/// cardiac drift, so the analysis finds realistic TRIMP, TSS and decoupling.
/// </summary>
public static class DemoSessionGenerator
{
    /// <summary>One generated session before it is stored.</summary>
    public sealed record Plan(DateTime StartUtc, string Sport, string Label, int DurationSeconds, int Rpe);

    /// <summary>A week-by-week schedule for <paramref name="days"/> days ending yesterday.</summary>
    public static List<Plan> Schedule(Athlete athlete, DateOnly today, int days, int seed)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        var rng = new Random(seed);
        var plans = new List<Plan>();
        for (var d = days; d >= 1; d--)
        {
            var date = today.AddDays(-d);
            // Every fourth week is an easier one; the week before it ends with a race.
            var week = (days - d) / 7;
            var (label, minutes) = date.DayOfWeek switch
            {
                DayOfWeek.Tuesday => ("intervals", 60),
                DayOfWeek.Wednesday => ("endurance", 55),
                DayOfWeek.Thursday => ("tempo", 50),
                DayOfWeek.Saturday when week % 4 == 2 => ("race", 45),
                DayOfWeek.Saturday => ("endurance", 95),
                DayOfWeek.Sunday => ("recovery", 40),
                DayOfWeek.Friday when rng.NextDouble() < 0.3 => ("recovery", 35),
                _ => ("", 0),
            };
            if (minutes == 0 || rng.NextDouble() < 0.1)
            {
                continue;
            }

            var scale = week % 4 == 3 ? 0.7 : 1.0 + (0.03 * (week % 4));
            var sport = SportFor(athlete.Sport, date.DayOfWeek, rng);
            var duration = (int)(minutes * 60 * scale * (0.9 + (0.2 * rng.NextDouble())));
            var startHour = rng.NextDouble() < 0.6 ? 6.5 : 17.5;
            var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(startHour + rng.NextDouble());
            var rpe = label switch
            {
                "race" => rng.Next(9, 11),
                "intervals" => rng.Next(7, 10),
                "tempo" => rng.Next(6, 8),
                "endurance" => rng.Next(3, 6),
                _ => rng.Next(1, 4),
            };
            plans.Add(new Plan(new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), sport, label, duration, rpe));
        }

        return plans;
    }

    /// <summary>The 1 Hz streams of one planned session.</summary>
    public static StreamColumns Streams(Athlete athlete, Plan plan, int seed)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(plan);
        var rng = new Random(seed);
        var n = plan.DurationSeconds;
        var isRide = plan.Sport == SessionSports.Cycling;
        var rest = athlete.HeartRateRestBpm ?? 50;
        var lthr = athlete.LactateThresholdHeartRateBpm ?? 170;
        var max = athlete.HeartRateMaxBpm ?? 190;
        var thresholdSpeed = isRide ? 10.5 : 1000.0 / (athlete.ThresholdPaceSecondsPerKm ?? 240);
        var ftp = athlete.FtpWatts ?? 250;

        var elapsed = new int[n];
        var hr = new double[n];
        var speed = new double[n];
        var power = isRide ? new double[n] : null;
        var cadence = new double[n];
        var distance = new double[n];
        var altitude = new double[n];
        var hrNow = (double)rest + 25;
        var dist = 0.0;
        var phase1 = rng.NextDouble() * 6;
        var phase2 = rng.NextDouble() * 6;
        var baseAltitude = 80 + (rng.NextDouble() * 300);
        double ar = 0;
        for (var t = 0; t < n; t++)
        {
            elapsed[t] = t;
            var intensity = Intensity(plan.Label, t, n);
            ar = (0.97 * ar) + (0.03 * ((rng.NextDouble() * 2) - 1)); // slowly wandering pacing noise
            var grade = 0.02 * Math.Sin((t / 420.0) + phase1) + (0.01 * Math.Sin((t / 97.0) + phase2));
            var alt = baseAltitude + (60 * Math.Sin((t / 1300.0) + phase1)) + (15 * Math.Sin((t / 310.0) + phase2));
            double v;
            if (isRide)
            {
                var p = Math.Max(0, ftp * (intensity + (0.25 * ar)) + ((rng.NextDouble() - 0.5) * 40));
                power![t] = Math.Round(p);
                // Speed from power on a grade: a crude balance of rolling, gravity and air drag (75 kg system).
                v = Math.Clamp(Math.Cbrt(Math.Max(1, p - (75 * 9.81 * grade * 8)) / 0.25), 3, 18);
                cadence[t] = p < 20 ? 0 : Math.Round(88 + ((rng.NextDouble() - 0.5) * 8));
            }
            else
            {
                v = Math.Max(1.5, thresholdSpeed * (intensity + (0.06 * ar)) * (1 - (grade * 3)));
                cadence[t] = Math.Round(85 + (3 * intensity) + ((rng.NextDouble() - 0.5) * 3));
            }

            // HR target rises with intensity and drifts ~1.5 bpm per 10 minutes; the response lags with τ = 30 s.
            var target = rest + ((lthr - rest) * Math.Pow(intensity, 1.2)) + (t / 600.0 * 1.5);
            hrNow += (target - hrNow) / 30.0;
            hr[t] = Math.Round(Math.Min(max, hrNow + ((rng.NextDouble() - 0.5) * 2)));
            speed[t] = Math.Round(v, 3);
            dist += v;
            distance[t] = Math.Round(dist, 1);
            altitude[t] = Math.Round(alt, 1);
        }

        return new StreamColumns
        {
            ElapsedSeconds = elapsed,
            HeartRateBpm = hr,
            SpeedMetersPerSecond = speed,
            PowerWatts = power,
            CadenceRpm = cadence,
            DistanceMeters = distance,
            AltitudeMeters = altitude,
        };
    }

    /// <summary>Fraction of threshold speed or power planned for second <paramref name="t"/> of <paramref name="n"/>.</summary>
    private static double Intensity(string label, int t, int n)
    {
        const int warmUp = 600;
        const int coolDown = 480;
        var easy = 0.65;
        if (t < warmUp)
        {
            return 0.55 + (0.1 * t / warmUp);
        }

        if (t > n - coolDown)
        {
            return 0.6;
        }

        return label switch
        {
            // 4-minute repeats at 105 % with 2-minute jogs.
            "intervals" => (t - warmUp) % 360 < 240 ? 1.05 : easy,
            // Even pace just under threshold, then a 5-minute kick before the cool-down.
            "race" => t > n - coolDown - 300 ? 1.08 : 0.97,
            "tempo" => 0.9,
            "endurance" => 0.75,
            _ => easy,
        };
    }

    private static string SportFor(string? athleteSport, DayOfWeek day, Random rng) => athleteSport switch
    {
        "Cycling" => SessionSports.Cycling,
        "Triathlon" => day is DayOfWeek.Tuesday or DayOfWeek.Saturday || rng.NextDouble() < 0.3 ? SessionSports.Cycling : SessionSports.Running,
        _ => SessionSports.Running,
    };
}
