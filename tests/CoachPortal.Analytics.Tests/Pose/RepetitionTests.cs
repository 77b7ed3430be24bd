using CoachPortal.Analytics.Pose;

namespace CoachPortal.Analytics.Tests.Pose;

public class RepetitionTests
{
    private const double Fps = 30;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    public void SquatsAreCountedExactlyAndTheirTempoWithinFiveFrames(int count)
    {
        // 1 s standing, 2 s down, 1 s held at the bottom, 1 s up: a 2-1-1 tempo.
        var knee = Squats(count, eccentric: 2, pause: 1, concentric: 1, noiseDegrees: 0);

        var reps = RepetitionCounter.Count(knee, Fps);

        Assert.Equal(count, reps.Count);
        foreach (var rep in reps)
        {
            Assert.InRange(rep.EccentricSeconds, 2 - 0.17, 2 + 0.17);
            Assert.InRange(rep.PauseSeconds, 1 - 0.17, 1 + 0.17);
            Assert.InRange(rep.ConcentricSeconds, 1 - 0.17, 1 + 0.17);
            Assert.InRange(rep.MinAngleDegrees, 88, 95);
        }
    }

    [Fact]
    public void JitterAroundEitherThresholdDoesNotCountExtraRepetitions()
    {
        var knee = Squats(8, eccentric: 1.5, pause: 0.3, concentric: 0.8, noiseDegrees: 8);

        var reps = RepetitionCounter.Count(knee, Fps);

        Assert.Equal(8, reps.Count);
    }

    [Fact]
    public void AHalfSquatThatNeverReachesTheFlexedThresholdIsNotARepetition()
    {
        var knee = Squats(3, 1, 0.5, 1, 0).Concat(Ramp(170, 130, 30)).Concat(Ramp(130, 170, 30)).ToList();

        Assert.Equal(3, RepetitionCounter.Count(knee, Fps).Count);
    }

    [Fact]
    public void ACurlTimesItsEccentricWhenTheElbowStraightens()
    {
        // Curl: up (flexion) 1 s, squeeze 0.5 s, lower (extension) 3 s.
        var elbow = new List<double>();
        for (var r = 0; r < 4; r++)
        {
            elbow.AddRange(Hold(170, 1));
            elbow.AddRange(Ramp(170, 50, 1));
            elbow.AddRange(Hold(50, 0.5));
            elbow.AddRange(Ramp(50, 170, 3));
        }

        elbow.AddRange(Hold(170, 1));

        var reps = RepetitionCounter.Count(elbow, Fps, new RepetitionOptions { FlexedDegrees = 80, EccentricIsFlexion = false });

        Assert.Equal(4, reps.Count);
        Assert.All(reps, r => Assert.InRange(r.EccentricSeconds, 2.8, 3.2));
        Assert.All(reps, r => Assert.InRange(r.ConcentricSeconds, 0.8, 1.2));
    }

    [Fact]
    public void KneeAnglesFromAFigureSquattingAreCountedThroughTheWholePipeline()
    {
        var knee = Squats(6, 1.2, 0.4, 0.9, 0);
        var hip = knee.Select(k => 90 + ((k - 90) * 0.9)).ToList();
        var frames = new List<float>();
        for (var i = 0; i < knee.Count; i++)
        {
            frames.AddRange(new PoseFigure(knee[i], hip[i], 160, 180 - hip[i]).Landmarks(16.0 / 9));
        }

        var pose = new PoseSequence([.. frames], Fps, 16.0 / 9);
        var reps = RepetitionCounter.Count(JointAngles.Compute(pose)[Joint.LeftKnee], Fps);

        Assert.Equal(6, reps.Count);
    }

    [Fact]
    public void RunningCadenceComesFromTheAnklesPassingEachOther()
    {
        // 180 steps per minute = 3 steps per second: the ankle gap is a sine of 1.5 Hz (two crossings per cycle).
        var frames = new List<float>();
        for (var f = 0; f < 10 * Fps; f++)
        {
            var gap = 0.25 * Math.Sin(2 * Math.PI * 1.5 * f / Fps);
            frames.AddRange(new PoseFigure(160, 170, 90, 8).Landmarks(16.0 / 9, ankleSpread: gap));
        }

        var cadence = RunningCadence.StepsPerMinute(new PoseSequence([.. frames], Fps, 16.0 / 9));

        Assert.NotNull(cadence);
        Assert.InRange(cadence.Value, 177, 183);
    }

    internal static List<double> Squats(int count, double eccentric, double pause, double concentric, double noiseDegrees)
    {
        var rng = new Random(11);
        var signal = new List<double>();
        for (var r = 0; r < count; r++)
        {
            signal.AddRange(Hold(170, 1));
            signal.AddRange(Ramp(170, 90, eccentric));
            signal.AddRange(Hold(90, pause));
            signal.AddRange(Ramp(90, 170, concentric));
        }

        signal.AddRange(Hold(170, 1));
        return [.. signal.Select(v => v + ((rng.NextDouble() - 0.5) * 2 * noiseDegrees))];
    }

    private static IEnumerable<double> Hold(double value, double seconds) => Enumerable.Repeat(value, (int)Math.Round(seconds * Fps));

    private static IEnumerable<double> Ramp(double from, double to, double seconds)
    {
        var n = (int)Math.Round(seconds * Fps);
        return Enumerable.Range(1, n).Select(i => from + ((to - from) * i / n));
    }
}
