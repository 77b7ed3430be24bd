using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Sessions.Uploads;

namespace CoachPortal.Core.Sessions;

/// <summary>
/// One recorded training session: the summary and the per-session metrics computed at import time
/// (recomputed when the athlete's RPE changes). The 1 Hz streams live in <see cref="SessionStreamData"/>.
/// </summary>
public class TrainingSession : IVersioned
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    /// <summary>The stored original file; null for sessions entered by hand or generated as demo data.</summary>
    public int? SourceFileId { get; set; }

    public UploadedFile? SourceFile { get; set; }

    public DateTime StartUtc { get; set; }

    /// <summary>IANA or Windows zone of the athlete or device, when known.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>See <see cref="SessionSports"/>.</summary>
    public string Sport { get; set; } = SessionSports.Other;

    public string? SubSport { get; set; }

    public string? Title { get; set; }

    public int DurationSeconds { get; set; }

    public int MovingSeconds { get; set; }

    public double? DistanceMeters { get; set; }

    public double? ElevationGainMeters { get; set; }

    public int? AvgHeartRateBpm { get; set; }

    public int? MaxHeartRateBpm { get; set; }

    public double? AvgPowerWatts { get; set; }

    public double? NormalizedPowerWatts { get; set; }

    public double? AvgSpeedMetersPerSecond { get; set; }

    /// <summary>Training Stress Score from power (Coggan).</summary>
    public double? Tss { get; set; }

    /// <summary>Heart-rate TSS.</summary>
    public double? HrTss { get; set; }

    public double? TrimpBanister { get; set; }

    public double? TrimpEdwards { get; set; }

    public double? IntensityFactor { get; set; }

    public double? WorkKilojoules { get; set; }

    /// <summary>
    /// Mean-maximal power in watts; element i is the best mean over <c>MeanMaximalCurve.StandardDurationsSeconds[i]</c>
    /// (durations no longer than the session). Null without a power stream or for sessions stored before curves were kept.
    /// </summary>
    public List<double?>? PowerCurveWatts { get; set; }

    /// <summary>Mean-maximal speed in m/s, laid out as <see cref="PowerCurveWatts"/>.</summary>
    public List<double?>? SpeedCurveMetersPerSecond { get; set; }

    /// <summary>Mean-maximal heart rate in bpm, laid out as <see cref="PowerCurveWatts"/>; null where no gap-free window exists.</summary>
    public List<double?>? HeartRateCurveBpm { get; set; }

    /// <summary>Seconds of heart-rate samples in each zone (zone 1 first); null without HR or zone anchors.</summary>
    public List<double>? HeartRateZoneSeconds { get; set; }

    /// <summary>Upper bounds in bpm of the zones <see cref="HeartRateZoneSeconds"/> was counted in, so a change of anchors shows.</summary>
    public List<double>? HeartRateZoneUpperBoundsBpm { get; set; }

    /// <summary>Rating of perceived exertion, 1–10 (CR-10).</summary>
    public int? Rpe { get; set; }

    /// <summary>Session RPE load: RPE × duration in minutes (Foster, 2001).</summary>
    public double? SessionRpeLoad { get; set; }

    public string? Comment { get; set; }

    public string? DeviceName { get; set; }

    /// <summary>Set by coaches: recovery, endurance, tempo, intervals, race.</summary>
    public string? ClassLabel { get; set; }

    /// <summary>The class the active session model predicts (written by scoring while no label is set); shown as predicted.</summary>
    public string? PredictedClassLabel { get; set; }

    /// <summary>The model's probability for <see cref="PredictedClassLabel"/>, 0–1.</summary>
    public double? PredictedClassConfidence { get; set; }

    /// <summary>The model version that made the prediction.</summary>
    public int? PredictedClassModelVersionId { get; set; }

    /// <summary>Made by the demo's simulator, never measured; only demo athletes in demo mode have such rows, and pages mark them.</summary>
    public bool IsSimulated { get; set; }

    /// <summary>For a session from a damaged file: whole percent of the recording recovered; null when the file was whole.</summary>
    public int? RecoveredPercent { get; set; }

    /// <summary>
    /// True while a session from a damaged file waits for the coach or the athlete to keep or discard it. Until kept
    /// it counts nowhere: not in daily loads, curves or model datasets (<see cref="SessionQueries.CountingTowardLoad"/>).
    /// </summary>
    public bool AwaitingReview { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public Guid Version { get; set; }

    public List<SessionLap> Laps { get; set; } = [];

    public SessionStreamData? Streams { get; set; }
}
