using CoachPortal.Analytics.Sessions;
using CoachPortal.Analytics.Workouts;

namespace CoachPortal.Core.Tests.Plans;

public sealed class WorkoutSyntaxTests
{
    [Fact]
    public void TheDocumentedExampleParsesIntoWarmupRepeatsAndCooldown()
    {
        var w = WorkoutParser.Parse("10m warmup @Z1; 5x(3m @105% FTP, 2m @Z1); 10m cooldown @RPE3");

        Assert.Equal(3, w.Segments.Count);
        Assert.Equal(WorkoutStepKind.Warmup, w.Segments[0].Steps[0].Kind);
        Assert.Equal(600, w.Segments[0].Steps[0].DurationSeconds);
        Assert.True(w.Segments[1].IsRepeat);
        Assert.Equal(5, w.Segments[1].Repeat);
        Assert.Equal(new WorkoutTarget(WorkoutTargetKind.PercentFtp, 105, 105), w.Segments[1].Steps[0].Target);
        Assert.Equal(new WorkoutTarget(WorkoutTargetKind.Rpe, 3, 3), w.Segments[2].Steps[0].Target);
        Assert.Equal(12, w.Flatten().Count());
    }

    [Theory]
    [InlineData("1h30m @Z2", 5400.0, null)]
    [InlineData("90s @RPE8", 90.0, null)]
    [InlineData("2km @4:30/km", null, 2000.0)]
    [InlineData("400mtr @3:30-3:40/km", null, 400.0)]
    [InlineData("20m @95-105% FTP", 1200.0, null)]
    [InlineData("30m @Z2-Z3", 1800.0, null)]
    public void DurationsDistancesAndTargetsParse(string text, double? seconds, double? meters)
    {
        var step = WorkoutParser.Parse(text).Segments[0].Steps[0];

        Assert.Equal(seconds, step.DurationSeconds);
        Assert.Equal(meters, step.DistanceMeters);
    }

    [Fact]
    public void PacesAreStoredAsSecondsPerKilometreAndRangesInOrder()
    {
        var target = WorkoutParser.Parse("1km @3:40-3:30/km").Segments[0].Steps[0].Target;

        Assert.Equal(WorkoutTargetKind.PaceSecondsPerKm, target.Kind);
        Assert.Equal(210, target.Low);
        Assert.Equal(220, target.High);
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("10x @Z1", 4, "'('")]
    [InlineData("10m @Z7", 6, "Z1 to Z5")]
    [InlineData("10m warmup @Z1; 5x(3m @105% FTP, 2m @Z1; 10m", 44, "')'")]
    [InlineData("10m @RPE12", 8, "RPE")]
    [InlineData("10m jog", 4, "label")]
    [InlineData("10m @Z1 5m", 8, "';'")]
    [InlineData("10m # hard", 4, "Unexpected character")]
    [InlineData("10q", 2, "Unknown unit")]
    [InlineData("1km @4:3/km", 5, "two-digit")]
    public void ErrorsSayWhatIsWrongAndWhere(string text, int position, string fragment)
    {
        var ex = Assert.Throws<WorkoutSyntaxException>(() => WorkoutParser.Parse(text));

        Assert.Equal(position, ex.Position);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"character {position + 1}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10m warmup @Z1; 5x(3m @105% FTP, 2m recovery @Z1); 10m cooldown @RPE3")]
    [InlineData("2km @4:30/km; 3x(400mtr @3:30-3:40/km, 90s rest); 1h15m @Z2-Z3")]
    public void FormattingThenParsingGivesTheSameWorkout(string text)
    {
        var parsed = WorkoutParser.Parse(text);

        var again = WorkoutParser.Parse(WorkoutFormatter.Format(parsed));

        Assert.Equal(WorkoutFormatter.Format(parsed), WorkoutFormatter.Format(again));
        Assert.Equal(parsed.Flatten().ToList(), again.Flatten().ToList());
    }

    [Fact]
    public void PowerTssFollowsCogganForOneHourAtThreshold()
    {
        var e = WorkoutEstimator.Estimate(WorkoutParser.Parse("60m @100% FTP"), SessionSports.Cycling, new AthleteTrainingProfile(250, null, null, null));

        Assert.Equal(3600, e.DurationSeconds);
        Assert.Equal(100, e.Tss, 1);
        Assert.Equal(1.0, e.IntensityFactor, 3);
        Assert.Equal("TSS from % FTP", e.Method);
    }

    [Fact]
    public void HeartRateZonesGiveHrTssAndRpeGivesSessionRpe()
    {
        var profile = AthleteTrainingProfile.Unknown;
        var z2 = WorkoutEstimator.Estimate(WorkoutParser.Parse("60m @Z2"), SessionSports.Running, profile);
        var rpe = WorkoutEstimator.Estimate(WorkoutParser.Parse("40m @RPE5"), SessionSports.Running, profile);

        Assert.Equal(49, z2.Tss, 0);
        Assert.Equal("hrTSS from heart-rate zones", z2.Method);
        Assert.Equal(200, rpe.SessionRpeLoad, 0);
    }

    [Fact]
    public void DistanceStepsTakeTheirTimeFromThePaceTarget()
    {
        var profile = new AthleteTrainingProfile(null, 240, 170, 190);
        var e = WorkoutEstimator.Estimate(WorkoutParser.Parse("10km @4:00/km"), SessionSports.Running, profile);

        Assert.Equal(2400, e.DurationSeconds);
        Assert.Equal(10000, e.DistanceMeters);
        Assert.Equal(1.0, e.IntensityFactor, 3);
        Assert.Equal(66.7, e.Tss, 1);
    }

    [Fact]
    public void FastPaceStepsCountAsHardMinutesRelativeToThresholdPace()
    {
        var intervals = WorkoutParser.Parse("15m warmup @Z1; 5x(1km @3:50/km, 2m @Z1); 10m cooldown @Z1");

        var known = WorkoutEstimator.Estimate(intervals, SessionSports.Running, new AthleteTrainingProfile(null, 250, 170, 190));
        var unknown = WorkoutEstimator.Estimate(intervals, SessionSports.Running, AthleteTrainingProfile.Unknown);
        var slower = WorkoutEstimator.Estimate(WorkoutParser.Parse("5x(1km @5:30/km, 2m @Z1)"), SessionSports.Running, new AthleteTrainingProfile(null, 250, 170, 190));

        Assert.Equal(5 * 230, known.HighIntensitySeconds, 0);
        Assert.Equal(5 * 230, unknown.HighIntensitySeconds, 0);
        Assert.Equal(0, slower.HighIntensitySeconds);
    }

    [Fact]
    public void HarderIntervalsCostMoreLoadThanEasierOnes()
    {
        var profile = new AthleteTrainingProfile(300, null, null, null);
        var easy = WorkoutEstimator.Estimate(WorkoutParser.Parse("5x(3m @90% FTP, 2m @Z1)"), SessionSports.Cycling, profile);
        var hard = WorkoutEstimator.Estimate(WorkoutParser.Parse("5x(3m @120% FTP, 2m @Z1)"), SessionSports.Cycling, profile);

        Assert.True(hard.Tss > easy.Tss);
        Assert.Equal(easy.DurationSeconds, hard.DurationSeconds);
        Assert.Equal(900, hard.HighIntensitySeconds);
    }
}
