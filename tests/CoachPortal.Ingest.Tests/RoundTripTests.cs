using CoachPortal.Ingest.Fit;
using CoachPortal.Ingest.Workouts;

namespace CoachPortal.Ingest.Tests;

public sealed class RoundTripTests
{
    private static readonly Sport[] s_sports = Enum.GetValues<Sport>();
    private static readonly SubSport[] s_subSports = Enum.GetValues<SubSport>();

    [Fact]
    public void RandomActivitiesSurviveEncodeThenDecode()
    {
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var original = RandomActivity(random);
            var bytes = FitActivityEncoder.Encode(original);
            var result = FitActivityDecoder.Decode(bytes, new DecodeOptions { Strict = true });
            Assert.Empty(result.Warnings);
            var decoded = Assert.Single(result.Activities);
            AssertSameActivity(original, decoded, $"seed {seed}");
        }
    }

    [Fact]
    public void DecodedActivitiesSurviveReencoding()
    {
        var random = new Random(11);
        var a = RandomActivity(random);
        var once = FitActivityDecoder.Decode(FitActivityEncoder.Encode(a)).Activities[0];
        var twice = FitActivityDecoder.Decode(FitActivityEncoder.Encode(once)).Activities[0];
        AssertSameActivity(once, twice);
    }

    [Fact]
    public void RandomWorkoutsSurviveEncodeThenDecode()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new Random(seed);
            var steps = new List<WorkoutStep>();
            var n = random.Next(1, 12);
            for (var i = 0; i < n; i++)
            {
                if (i > 1 && random.Next(5) == 0)
                {
                    steps.Add(new WorkoutStep
                    {
                        DurationType = WorkoutDurationType.RepeatUntilStepsComplete,
                        DurationValue = random.Next(0, i),
                        RepeatCount = random.Next(2, 10),
                        TargetType = WorkoutTargetType.Open,
                        Intensity = WorkoutIntensity.Interval,
                    });
                    continue;
                }

                var durationType = (WorkoutDurationType)random.Next(0, 6);
                var targetType = (WorkoutTargetType)random.Next(0, 5);
                var custom = targetType != WorkoutTargetType.Open && random.Next(2) == 0;
                double? Target(double low, double high, double step) => custom ? Math.Round(random.Next((int)(low / step), (int)(high / step)) * step, 3) : null;
                var (lo, hi, step) = targetType switch
                {
                    WorkoutTargetType.Speed => (1.0, 8.0, 0.001),
                    WorkoutTargetType.HeartRate => (60.0, 200.0, 1.0),
                    WorkoutTargetType.Power => (50.0, 600.0, 1.0),
                    _ => (50.0, 120.0, 1.0),
                };
                steps.Add(new WorkoutStep
                {
                    Name = random.Next(2) == 0 ? null : $"Step {i} é",
                    Notes = random.Next(3) == 0 ? "hold it" : null,
                    DurationType = durationType,
                    DurationValue = durationType switch
                    {
                        WorkoutDurationType.Open => null,
                        WorkoutDurationType.Time => random.Next(1, 7200_000) / 1000.0,
                        WorkoutDurationType.Distance => random.Next(1, 5_000_000) / 100.0,
                        _ => random.Next(60, 200),
                    },
                    TargetType = targetType,
                    TargetZone = !custom && targetType != WorkoutTargetType.Open && random.Next(2) == 0 ? random.Next(1, 6) : null,
                    TargetLow = Target(lo, hi, step),
                    TargetHigh = Target(lo, hi, step),
                    Intensity = (WorkoutIntensity)random.Next(0, 6),
                });
            }

            var workout = new Workout
            {
                Name = random.Next(4) == 0 ? null : $"Intervals {seed}",
                Sport = s_sports[random.Next(s_sports.Length)],
                SubSport = s_subSports[random.Next(s_subSports.Length)],
                Steps = steps,
            };
            var decoded = FitWorkoutCodec.Decode(FitWorkoutCodec.Encode(workout), new DecodeOptions { Strict = true });
            Assert.Equal(workout with { Steps = [] }, decoded with { Steps = [] });
            Assert.Equal(workout.Steps, decoded.Steps);
        }
    }

    internal static Activity RandomActivity(Random random)
    {
        var start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 900_000_000));
        var count = random.Next(4) == 0 ? 0 : random.Next(1, 400);
        var columns = new bool[9];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = random.Next(4) != 0;
        }

        var samples = new StreamSample[count];
        var t = random.Next(0, 5);
        var distance = 0.0;
        for (var i = 0; i < count; i++)
        {
            // Mostly 1 Hz, sometimes smart-recording steps, sometimes a pause.
            t += random.Next(10) switch { 0 => random.Next(30, 900), < 3 => random.Next(2, 6), _ => 1 };
            var s = StreamSample.At(t);
            double Maybe(int column, double value) => columns[column] && random.Next(20) != 0 ? value : double.NaN;
            s.HeartRate = Maybe(0, random.Next(40, 220));
            s.Speed = Maybe(1, random.Next(0, 20000) / 1000.0);
            s.Power = Maybe(2, random.Next(0, 1500));
            s.Cadence = Maybe(3, random.Next(0, 200) + (random.Next(0, 128) / 128.0));
            distance += random.Next(0, 1000) / 100.0;
            s.Distance = Maybe(4, distance);
            s.Altitude = Maybe(5, (random.Next(0, 50000) / 5.0) - 500);
            var lat = FitProfile.SemicirclesToDegrees(random.Next(-1_073_741_824, 1_073_741_824));
            var lon = FitProfile.SemicirclesToDegrees(random.Next(int.MinValue + 1, int.MaxValue));
            if (columns[6] && random.Next(20) != 0)
            {
                s.Latitude = lat;
                s.Longitude = lon;
            }

            s.Temperature = Maybe(8, random.Next(-20, 45));
            samples[i] = s;
        }

        var streams = StreamsBuilder.Build(samples, true, "test", [], out _);
        var laps = new List<ActivitySummary>();
        var lapStart = 0;
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            laps.Add(RandomSummary(random, start.AddSeconds(lapStart)));
            lapStart += random.Next(1, 2000);
        }

        return new Activity
        {
            Sport = s_sports[random.Next(s_sports.Length)],
            SubSport = s_subSports[random.Next(s_subSports.Length)],
            StartTimeUtc = start,
            Creator = random.Next(3) == 0 ? null : $"Device {random.Next(1000)} ü",
            Name = random.Next(3) == 0 ? null : $"Morning {random.Next(100)}",
            Summary = RandomSummary(random, start),
            Laps = laps,
            Streams = streams,
            BeatIntervalsSeconds = Enumerable.Range(0, random.Next(3) == 0 ? random.Next(1, 23) : 0).Select(_ => random.Next(300, 1500) / 1000.0).ToArray(),
        };
    }

    private static ActivitySummary RandomSummary(Random random, DateTime start)
    {
        double? Maybe(double v) => random.Next(6) == 0 ? null : v;
        return new ActivitySummary
        {
            StartTimeUtc = start,
            ElapsedSeconds = Maybe(random.Next(0, 40_000_000) / 1000.0),
            TimerSeconds = Maybe(random.Next(0, 40_000_000) / 1000.0),
            DistanceMeters = Maybe(random.Next(0, 30_000_000) / 100.0),
            Calories = Maybe(random.Next(0, 60000)),
            AvgHeartRate = Maybe(random.Next(40, 220)),
            MaxHeartRate = Maybe(random.Next(40, 250)),
            AvgSpeed = Maybe(random.Next(0, 30000) / 1000.0),
            MaxSpeed = Maybe(random.Next(0, 60000) / 1000.0),
            AvgPower = Maybe(random.Next(0, 2000)),
            MaxPower = Maybe(random.Next(0, 3000)),
            AvgCadence = Maybe(random.Next(0, 250)),
            MaxCadence = Maybe(random.Next(0, 250)),
            AscentMeters = Maybe(random.Next(0, 9000)),
            DescentMeters = Maybe(random.Next(0, 9000)),
        };
    }

    internal static void AssertSameActivity(Activity expected, Activity actual, string context = "")
    {
        Assert.True(expected.Sport == actual.Sport, context);
        Assert.True(expected.SubSport == actual.SubSport, context);
        Assert.True(expected.StartTimeUtc == actual.StartTimeUtc, context);
        Assert.True(expected.Creator == actual.Creator, $"{context}: creator {expected.Creator} / {actual.Creator}");
        Assert.True(expected.Name == actual.Name, context);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Laps, actual.Laps);
        Assert.Equal(expected.BeatIntervalsSeconds, actual.BeatIntervalsSeconds);
        var e = expected.Streams;
        var a = actual.Streams;
        Assert.True(e.Count == a.Count, $"{context}: {e.Count} rows, decoded {a.Count}");
        Assert.Equal(e.ElapsedSeconds, a.ElapsedSeconds);
        AssertColumn(e.HeartRate, a.HeartRate, 0, context + " hr");
        AssertColumn(e.SpeedMetersPerSecond, a.SpeedMetersPerSecond, 1e-9, context + " speed");
        AssertColumn(e.PowerWatts, a.PowerWatts, 0, context + " power");
        AssertColumn(e.Cadence, a.Cadence, 1e-9, context + " cadence");
        AssertColumn(e.DistanceMeters, a.DistanceMeters, 1e-6, context + " distance");
        AssertColumn(e.AltitudeMeters, a.AltitudeMeters, 1e-9, context + " altitude");
        AssertColumn(e.Latitude, a.Latitude, 0, context + " lat");
        AssertColumn(e.Longitude, a.Longitude, 0, context + " lon");
        AssertColumn(e.TemperatureCelsius, a.TemperatureCelsius, 0, context + " temperature");
    }

    private static void AssertColumn(double[] expected, double[] actual, double tolerance, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var ok = double.IsNaN(expected[i]) ? double.IsNaN(actual[i]) : Math.Abs(expected[i] - actual[i]) <= tolerance;
            Assert.True(ok, $"{context} row {i}: {expected[i]} vs {actual[i]}");
        }
    }
}
