using CoachPortal.Core.Athletes;

namespace CoachPortal.Web.Features.Athletes;

/// <summary>An athlete's profile as the API returns it (no account or import bookkeeping).</summary>
public sealed record AthleteResource(
    int Id,
    int TeamId,
    string? TeamName,
    string FirstName,
    string LastName,
    DateOnly? BirthDate,
    Sex Sex,
    string? Sport,
    string? Position,
    double? BodyMassKg,
    int? HeartRateMaxBpm,
    int? HeartRateRestBpm,
    int? LactateThresholdHeartRateBpm,
    int? FtpWatts,
    int? ThresholdPaceSecondsPerKm,
    bool IsArchived,
    bool HasAccount,
    Guid Version)
{
    public static AthleteResource From(Athlete a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AthleteResource(a.Id, a.TeamId, a.Team?.Name, a.FirstName, a.LastName, a.BirthDate, a.Sex, a.Sport, a.Position,
            a.BodyMassKg, a.HeartRateMaxBpm, a.HeartRateRestBpm, a.LactateThresholdHeartRateBpm, a.FtpWatts, a.ThresholdPaceSecondsPerKm,
            a.IsArchived, a.UserId is not null, a.Version);
    }
}
