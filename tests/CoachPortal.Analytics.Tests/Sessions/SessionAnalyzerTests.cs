using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class SessionAnalyzerTests
{
    private static readonly AthleteProfile s_profile = new()
    {
        Sex = Sex.Male,
        MaxHeartRateBpm = 200,
        RestingHeartRateBpm = 50,
        LactateThresholdHeartRateBpm = 170,
        FunctionalThresholdPowerWatts = 250,
        ThresholdSpeedMetersPerSecond = 4.0,
    };

    private static SessionStreams RideWithPause() => new StreamBuilder()
        .Segment(600, hr: 150, speed: 3, power: 200)
        .Pause(300)
        .Segment(60, hr: 150, speed: 0, power: 200)
        .Segment(540, hr: 150, speed: 3, power: 200)
        .Build();

    [Fact]
    public void PausesAndStopsAreExcludedFromMovingTime()
    {
        var m = SessionAnalyzer.Analyze(RideWithPause(), s_profile);
        Assert.Equal(1200.0, m.RecordedSeconds);
        Assert.Equal(1140.0, m.MovingSeconds);
        Assert.Equal(3420.0, m.DistanceMeters!.Value, 6);
        Assert.Equal(1000.0 * 1140 / 3420, m.AveragePaceSecondsPerKilometer!.Value, 6);
    }

    [Fact]
    public void PowerMetricsIgnoreThePause()
    {
        var m = SessionAnalyzer.Analyze(RideWithPause(), s_profile);
        Assert.Equal(200.0, m.NormalizedPowerWatts!.Value, 4);
        Assert.Equal(200.0, m.AveragePowerWatts!.Value, 6);
        Assert.Equal(240.0, m.WorkKilojoules!.Value, 6);
        Assert.Equal(0.8, m.IntensityFactor!.Value, 6);
        // 1200 s · 200 W · 0.8 / (250 W · 3600) · 100 = 21.333.
        Assert.Equal(21.3333, m.PowerTss!.Value, 3);
        Assert.Equal(1.0, m.VariabilityIndex!.Value, 6);
    }

    [Fact]
    public void HeartRateMetricsUseTheProfile()
    {
        var m = SessionAnalyzer.Analyze(RideWithPause(), s_profile);
        Assert.Equal(150.0, m.AverageHeartRateBpm);
        Assert.Equal(150.0, m.MaxHeartRateBpm);
        // LTHR zones: 150 bpm is between 81 % (137.7) and 90 % (153) of 170: zone 2.
        Assert.Equal([0.0, 1200.0, 0.0, 0.0, 0.0], m.TimeInHeartRateZonesSeconds);
        Assert.Equal(HeartRateLoad.BanisterTrimp(StreamBuilder.Constant(1200, 150), s_profile), m.BanisterTrimp);
        Assert.Equal(0.0, m.AerobicDecouplingPercent!.Value, 6);
        // 150 bpm is 75 % of HRmax: Edwards weight 3 for 20 minutes.
        Assert.Equal(60.0, m.EdwardsTrimp!.Value, 6);
    }

    [Fact]
    public void CurvesCountThePauseAsZeroPowerButNotAsHeartRate()
    {
        var m = SessionAnalyzer.Analyze(RideWithPause(), s_profile);
        Assert.Equal(200.0, m.PowerCurve!.ValueAt(600)!.Value, 6);
        // A 20-min window must straddle the 300-s pause: 1200 · 200 W spread over it with 300 s of zeros.
        Assert.Equal(200.0 * 900 / 1200, m.PowerCurve.ValueAt(1200)!.Value, 6);
        Assert.True(double.IsNaN(m.HeartRateCurve!.ValueAt(1200)!.Value));
        Assert.Equal(150.0, m.HeartRateCurve.ValueAt(600)!.Value, 6);
    }

    [Fact]
    public void SessionRpeIsAddedWhenRated()
    {
        var m = SessionAnalyzer.Analyze(RideWithPause(), s_profile, new SessionAnalysisOptions { Rpe = 6 });
        Assert.Equal(120.0, m.SessionRpeLoad!.Value, 9);
        Assert.Equal(m.SessionRpeLoad, m.ToLoadMeasures().SessionRpeLoad);
        Assert.Equal(m.PowerTss, m.ToLoadMeasures().PowerTss);
    }

    [Fact]
    public void UphillRunHasFasterGradeAdjustedPaceAndRunningTss()
    {
        // 10 min at 3 m/s up a steady 10 % grade.
        var n = 600;
        var streams = new SessionStreams
        {
            ElapsedSeconds = Enumerable.Range(0, n).ToArray(),
            SpeedMetersPerSecond = StreamBuilder.Constant(n, 3f),
            DistanceMeters = Enumerable.Range(0, n).Select(i => 3f * i).ToArray(),
            AltitudeMeters = Enumerable.Range(0, n).Select(i => 100f + 0.3f * i).ToArray(),
        };
        var m = SessionAnalyzer.Analyze(streams, s_profile, new SessionAnalysisOptions { Sport = Sport.Running });
        var expectedGapSpeed = 3.0 * 5.968214 / 3.6;
        Assert.Equal(1000.0 / expectedGapSpeed, m.GradeAdjustedPaceSecondsPerKilometer!.Value, 1);
        // The distance column spans 599 one-second steps; moving time counts 600 samples.
        Assert.Equal(1000.0 * 600 / (3.0 * 599), m.AveragePaceSecondsPerKilometer!.Value, 6);
        Assert.Equal(RunningMetrics.RunningTss(n, expectedGapSpeed, 4.0), m.RunningTss!.Value, 1);
        Assert.Equal(0.3 * (n - 1), m.ElevationGainMeters!.Value, 1);
    }

    [Fact]
    public void SpeedComesFromDistanceAndMovingFromPowerWhenColumnsAreMissing()
    {
        // Distance only: 4 m per second for 100 s, then standing still for 50 s.
        var distance = Enumerable.Range(0, 150).Select(i => (float)(4 * Math.Min(i, 100))).ToArray();
        var fromDistance = SessionAnalyzer.Analyze(new SessionStreams { ElapsedSeconds = Enumerable.Range(0, 150).ToArray(), DistanceMeters = distance }, s_profile);
        Assert.Equal(400.0, fromDistance.DistanceMeters!.Value, 6);
        Assert.Equal(100.0, fromDistance.MovingSeconds);

        // Power only: coasting at 0 W does not count as moving.
        float[] power = [.. StreamBuilder.Constant(90, 200), .. StreamBuilder.Constant(30, 0)];
        var fromPower = SessionAnalyzer.Analyze(new SessionStreams { ElapsedSeconds = Enumerable.Range(0, 120).ToArray(), PowerWatts = power }, s_profile);
        Assert.Equal(90.0, fromPower.MovingSeconds);
        Assert.Null(fromPower.DistanceMeters);
    }

    [Fact]
    public void InconsistentColumnsAreRejected()
    {
        var streams = new SessionStreams { ElapsedSeconds = [0, 1, 2], HeartRateBpm = [120, 121] };
        Assert.Throws<AnalyticsInputException>(() => SessionAnalyzer.Analyze(streams, s_profile));
        var unordered = new SessionStreams { ElapsedSeconds = [0, 2, 1] };
        Assert.Throws<AnalyticsInputException>(() => SessionAnalyzer.Analyze(unordered, s_profile));
    }

    [Fact]
    public void AnEmptyProfileYieldsNullsNotGuesses()
    {
        var m = SessionAnalyzer.Analyze(RideWithPause(), new AthleteProfile());
        Assert.Null(m.BanisterTrimp);
        Assert.Null(m.PowerTss);
        Assert.Null(m.HeartRateTss);
        Assert.Null(m.TimeInHeartRateZonesSeconds);
        Assert.NotNull(m.NormalizedPowerWatts);
    }
}
