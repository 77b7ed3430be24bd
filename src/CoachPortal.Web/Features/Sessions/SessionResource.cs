using CoachPortal.Core.Sessions;

namespace CoachPortal.Web.Features.Sessions;

/// <summary>A session's metrics and laps as the API returns them; streams and the original file are linked.</summary>
public sealed record SessionResource(
    int Id,
    int AthleteId,
    string AthleteName,
    DateTime StartUtc,
    string? TimeZoneId,
    string Sport,
    string? SubSport,
    string? Title,
    int DurationSeconds,
    int MovingSeconds,
    double? DistanceMeters,
    double? ElevationGainMeters,
    int? AvgHeartRateBpm,
    int? MaxHeartRateBpm,
    double? AvgPowerWatts,
    double? NormalizedPowerWatts,
    double? AvgSpeedMetersPerSecond,
    double? Tss,
    double? HrTss,
    double? TrimpBanister,
    double? TrimpEdwards,
    double? IntensityFactor,
    double? WorkKilojoules,
    int? Rpe,
    double? SessionRpeLoad,
    string? Comment,
    string? DeviceName,
    string? ClassLabel,
    bool IsSimulated,
    int? SourceFileId,
    string? SourceFileName,
    Guid Version,
    IReadOnlyList<SessionLap> Laps,
    string StreamsUrl,
    string? OriginalFileUrl)
{
    public static SessionResource From(SessionDetail detail, string apiPrefix)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var s = detail.Session;
        return new SessionResource(s.Id, s.AthleteId, detail.AthleteName, s.StartUtc, s.TimeZoneId, s.Sport, s.SubSport, s.Title,
            s.DurationSeconds, s.MovingSeconds, s.DistanceMeters, s.ElevationGainMeters, s.AvgHeartRateBpm, s.MaxHeartRateBpm,
            s.AvgPowerWatts, s.NormalizedPowerWatts, s.AvgSpeedMetersPerSecond, s.Tss, s.HrTss, s.TrimpBanister, s.TrimpEdwards,
            s.IntensityFactor, s.WorkKilojoules, s.Rpe, s.SessionRpeLoad, s.Comment, s.DeviceName, s.ClassLabel, s.IsSimulated,
            s.SourceFileId, detail.SourceFileName, s.Version, detail.Laps,
            $"{apiPrefix}/sessions/{s.Id}/streams",
            s.SourceFileId is { } f ? $"{apiPrefix}/files/{f}" : null);
    }
}
