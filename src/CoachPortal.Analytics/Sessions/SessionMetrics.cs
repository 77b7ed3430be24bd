namespace CoachPortal.Analytics.Sessions;

/// <summary>Summary metrics of one session. A metric whose inputs or anchors are missing is null.</summary>
public sealed record SessionMetrics
{
    /// <summary>Seconds with a sample (elapsed time less pauses).</summary>
    public double RecordedSeconds { get; init; }

    /// <summary>Seconds in motion (see <see cref="SessionAnalysisOptions.MovingSpeedThresholdMetersPerSecond"/>).</summary>
    public double MovingSeconds { get; init; }

    /// <summary>Distance in metres.</summary>
    public double? DistanceMeters { get; init; }

    /// <summary>Elevation gain in metres, smoothed and with hysteresis.</summary>
    public double? ElevationGainMeters { get; init; }

    /// <summary>Average heart rate over samples with a value.</summary>
    public double? AverageHeartRateBpm { get; init; }

    /// <summary>Maximum heart rate.</summary>
    public double? MaxHeartRateBpm { get; init; }

    /// <summary>Upper bounds of the zones used for <see cref="TimeInHeartRateZonesSeconds"/>.</summary>
    public IReadOnlyList<double>? HeartRateZoneUpperBoundsBpm { get; init; }

    /// <summary>Seconds in each heart-rate zone.</summary>
    public IReadOnlyList<double>? TimeInHeartRateZonesSeconds { get; init; }

    /// <summary>Banister TRIMP (sex-specific).</summary>
    public double? BanisterTrimp { get; init; }

    /// <summary>Edwards TRIMP.</summary>
    public double? EdwardsTrimp { get; init; }

    /// <summary>Heart-rate TSS.</summary>
    public double? HeartRateTss { get; init; }

    /// <summary>Average power over recorded samples in watts (missing samples count as 0 W).</summary>
    public double? AveragePowerWatts { get; init; }

    /// <summary>Normalised power in watts.</summary>
    public double? NormalizedPowerWatts { get; init; }

    /// <summary>Intensity factor NP / FTP.</summary>
    public double? IntensityFactor { get; init; }

    /// <summary>Power-based training stress score.</summary>
    public double? PowerTss { get; init; }

    /// <summary>Variability index NP / average power.</summary>
    public double? VariabilityIndex { get; init; }

    /// <summary>Work in kilojoules.</summary>
    public double? WorkKilojoules { get; init; }

    /// <summary>Average moving pace in seconds per kilometre.</summary>
    public double? AveragePaceSecondsPerKilometer { get; init; }

    /// <summary>Average grade-adjusted pace (Minetti 2002) in seconds per kilometre (runs).</summary>
    public double? GradeAdjustedPaceSecondsPerKilometer { get; init; }

    /// <summary>Running TSS from normalised graded speed and threshold speed (runs).</summary>
    public double? RunningTss { get; init; }

    /// <summary>Session-RPE load in arbitrary units (RPE × minutes).</summary>
    public double? SessionRpeLoad { get; init; }

    /// <summary>Aerobic decoupling Pa:HR (power) or Pace:HR (speed) in percent.</summary>
    public double? AerobicDecouplingPercent { get; init; }

    /// <summary>Mean-maximal power curve in watts.</summary>
    public MeanMaximalCurve? PowerCurve { get; init; }

    /// <summary>Mean-maximal speed curve in metres per second (convert to pace for display).</summary>
    public MeanMaximalCurve? SpeedCurve { get; init; }

    /// <summary>Mean-maximal heart-rate curve in bpm.</summary>
    public MeanMaximalCurve? HeartRateCurve { get; init; }

    /// <summary>The loads of this session in the form the daily aggregation takes.</summary>
    public SessionLoadMeasures ToLoadMeasures() => new()
    {
        PowerTss = PowerTss,
        RunningTss = RunningTss,
        HeartRateTss = HeartRateTss,
        BanisterTrimp = BanisterTrimp,
        SessionRpeLoad = SessionRpeLoad,
    };
}
