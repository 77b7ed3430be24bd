using CoachPortal.Analytics;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Ingest;
using AnalyticsSex = CoachPortal.Analytics.Sessions.Sex;
using AnalyticsSport = CoachPortal.Analytics.Sessions.Sport;
using IngestSport = CoachPortal.Ingest.Sport;

namespace CoachPortal.Core.Sessions;

/// <summary>
/// Turns samples into a stored session: compressed streams, and the metrics of <see cref="SessionAnalyzer"/> for
/// the athlete's current anchors. Imports and demo data both go through here, so both are computed alike.
/// </summary>
public static class SessionBuilder
{
    /// <summary>The athlete's anchors in the form the analysis takes.</summary>
    public static AthleteProfile ProfileOf(Athlete athlete)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        return new AthleteProfile
        {
            Sex = athlete.Sex switch
            {
                Athletes.Sex.Male => AnalyticsSex.Male,
                Athletes.Sex.Female => AnalyticsSex.Female,
                _ => AnalyticsSex.Unspecified,
            },
            MaxHeartRateBpm = athlete.HeartRateMaxBpm,
            RestingHeartRateBpm = athlete.HeartRateRestBpm,
            LactateThresholdHeartRateBpm = athlete.LactateThresholdHeartRateBpm,
            FunctionalThresholdPowerWatts = athlete.FtpWatts,
            ThresholdSpeedMetersPerSecond = athlete.ThresholdPaceSecondsPerKm is > 0 and var pace ? 1000.0 / pace : null,
            BodyMassKilograms = athlete.BodyMassKg,
        };
    }

    /// <summary>The portal's sport name for a decoded sport.</summary>
    public static string SportName(IngestSport sport) => sport switch
    {
        IngestSport.Running => SessionSports.Running,
        IngestSport.Cycling or IngestSport.EBiking => SessionSports.Cycling,
        IngestSport.Swimming => SessionSports.Swimming,
        _ => SessionSports.Other,
    };

    /// <summary>Copies decoded streams; columns without a single value become null.</summary>
    public static StreamColumns ColumnsOf(ActivityStreams streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return new StreamColumns
        {
            ElapsedSeconds = (int[])streams.ElapsedSeconds.Clone(),
            HeartRateBpm = OrNull(streams.HeartRate),
            SpeedMetersPerSecond = OrNull(streams.SpeedMetersPerSecond),
            PowerWatts = OrNull(streams.PowerWatts),
            CadenceRpm = OrNull(streams.Cadence),
            DistanceMeters = OrNull(streams.DistanceMeters),
            AltitudeMeters = OrNull(streams.AltitudeMeters),
            Latitude = OrNull(streams.Latitude),
            Longitude = OrNull(streams.Longitude),
            TemperatureCelsius = OrNull(streams.TemperatureCelsius),
        };
    }

    /// <summary>
    /// A new session (not yet saved) with streams, laps and metrics. <paramref name="reported"/> holds the totals
    /// the device reported; they win over values recomputed from the streams for distance and duration.
    /// </summary>
    public static TrainingSession Build(Athlete athlete, string sport, DateTime startUtc, StreamColumns columns, ActivitySummary? reported = null)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(columns);
        var session = new TrainingSession
        {
            AthleteId = athlete.Id,
            Sport = sport,
            StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc),
            DurationSeconds = (int)Math.Round(reported?.ElapsedSeconds
                ?? (columns.Count == 0 ? 0 : columns.ElapsedSeconds[^1] - columns.ElapsedSeconds[0] + 1)),
            Streams = new SessionStreamData
            {
                Format = StreamCodec.CurrentFormat,
                SampleCount = columns.Count,
                Data = StreamCodec.Encode(columns),
            },
        };

        var metrics = Analyze(columns, ProfileOf(athlete), sport, null);
        Apply(session, metrics);
        session.DistanceMeters = reported?.DistanceMeters ?? session.DistanceMeters;
        session.AvgHeartRateBpm ??= Round(reported?.AvgHeartRate);
        session.MaxHeartRateBpm ??= Round(reported?.MaxHeartRate);
        session.AvgPowerWatts ??= reported?.AvgPower;
        session.ElevationGainMeters ??= reported?.AscentMeters;
        // Smart recording leaves most seconds without a sample; then the device's timer says more than the count.
        var sparse = columns.Count < 0.9 * session.DurationSeconds;
        if ((session.MovingSeconds == 0 || sparse) && reported?.TimerSeconds is { } timer)
        {
            session.MovingSeconds = (int)Math.Round(timer);
        }

        session.AvgSpeedMetersPerSecond = reported?.AvgSpeed
            ?? (session.MovingSeconds > 0 && session.DistanceMeters is { } d ? d / session.MovingSeconds : null);
        return session;
    }

    /// <summary>Runs the analysis; null when the streams cannot be analysed (the session is kept without metrics).</summary>
    public static SessionMetrics? Analyze(StreamColumns columns, AthleteProfile profile, string sport, int? rpe)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            return null;
        }

        var streams = new SessionStreams
        {
            ElapsedSeconds = columns.ElapsedSeconds,
            HeartRateBpm = ToFloat(columns.HeartRateBpm),
            SpeedMetersPerSecond = ToFloat(columns.SpeedMetersPerSecond),
            PowerWatts = ToFloat(columns.PowerWatts),
            CadenceRpm = ToFloat(columns.CadenceRpm),
            DistanceMeters = ToFloat(columns.DistanceMeters),
            AltitudeMeters = ToFloat(columns.AltitudeMeters),
        };
        var options = new SessionAnalysisOptions
        {
            Sport = sport switch
            {
                SessionSports.Running => AnalyticsSport.Running,
                SessionSports.Cycling => AnalyticsSport.Cycling,
                _ => AnalyticsSport.Other,
            },
            Rpe = rpe,
        };
        try
        {
            return SessionAnalyzer.Analyze(streams, profile, options);
        }
        catch (AnalyticsInputException)
        {
            return null;
        }
    }

    /// <summary>Copies the metrics onto the row (leaving RPE and what the analysis could not compute alone).</summary>
    public static void Apply(TrainingSession session, SessionMetrics? metrics)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (metrics is null)
        {
            return;
        }

        session.MovingSeconds = (int)Math.Round(metrics.MovingSeconds);
        session.DistanceMeters = metrics.DistanceMeters;
        session.ElevationGainMeters = metrics.ElevationGainMeters;
        session.AvgHeartRateBpm = Round(metrics.AverageHeartRateBpm);
        session.MaxHeartRateBpm = Round(metrics.MaxHeartRateBpm);
        session.AvgPowerWatts = metrics.AveragePowerWatts;
        session.NormalizedPowerWatts = metrics.NormalizedPowerWatts;
        session.Tss = metrics.PowerTss ?? metrics.RunningTss;
        session.HrTss = metrics.HeartRateTss;
        session.TrimpBanister = metrics.BanisterTrimp;
        session.TrimpEdwards = metrics.EdwardsTrimp;
        session.IntensityFactor = metrics.IntensityFactor;
        session.WorkKilojoules = metrics.WorkKilojoules;
        session.SessionRpeLoad = metrics.SessionRpeLoad;
        ApplyCurves(session, metrics);
    }

    /// <summary>Copies the mean-maximal curves and the time in heart-rate zones onto the row.</summary>
    public static void ApplyCurves(TrainingSession session, SessionMetrics? metrics)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (metrics is null)
        {
            return;
        }

        session.PowerCurveWatts = SessionCurves.ToStored(metrics.PowerCurve);
        session.SpeedCurveMetersPerSecond = SessionCurves.ToStored(metrics.SpeedCurve);
        session.HeartRateCurveBpm = SessionCurves.ToStored(metrics.HeartRateCurve);
        session.HeartRateZoneSeconds = metrics.TimeInHeartRateZonesSeconds is { } seconds ? [.. seconds] : null;
        session.HeartRateZoneUpperBoundsBpm = metrics.TimeInHeartRateZonesSeconds is not null && metrics.HeartRateZoneUpperBoundsBpm is { } bounds
            ? [.. bounds]
            : null;
    }

    /// <summary>Laps as the device reported them.</summary>
    public static List<SessionLap> LapsOf(IReadOnlyList<ActivitySummary> laps, DateTime sessionStartUtc)
    {
        ArgumentNullException.ThrowIfNull(laps);
        var result = new List<SessionLap>(laps.Count);
        var offset = 0.0;
        for (var i = 0; i < laps.Count; i++)
        {
            var lap = laps[i];
            var start = lap.StartTimeUtc ?? sessionStartUtc.AddSeconds(offset);
            var duration = lap.TimerSeconds ?? lap.ElapsedSeconds ?? 0;
            result.Add(new SessionLap
            {
                LapIndex = i,
                StartUtc = DateTime.SpecifyKind(start, DateTimeKind.Utc),
                StartOffsetSeconds = (int)Math.Max(0, Math.Round((start - sessionStartUtc).TotalSeconds)),
                DurationSeconds = (int)Math.Round(duration),
                DistanceMeters = lap.DistanceMeters,
                AvgHeartRateBpm = Round(lap.AvgHeartRate),
                MaxHeartRateBpm = Round(lap.MaxHeartRate),
                AvgPowerWatts = lap.AvgPower,
                AvgSpeedMetersPerSecond = lap.AvgSpeed,
            });
            offset += lap.ElapsedSeconds ?? duration;
        }

        return result;
    }

    private static int? Round(double? v) => v is { } x && !double.IsNaN(x) ? (int)Math.Round(x) : null;

    private static double[]? OrNull(double[] column) => ActivityStreams.HasValues(column) ? (double[])column.Clone() : null;

    private static float[]? ToFloat(double[]? column)
    {
        if (column is null)
        {
            return null;
        }

        var result = new float[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            result[i] = (float)column[i];
        }

        return result;
    }
}
