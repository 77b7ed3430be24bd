using CoachPortal.Core.Wellness;

namespace CoachPortal.Web.Features.Wellness;

/// <summary>A daily check-in as the API returns it.</summary>
public sealed record WellnessResource(
    int Id,
    int AthleteId,
    DateOnly Date,
    int? Readiness,
    int? Fatigue,
    int? Soreness,
    string? SorenessBodyArea,
    double? SleepHours,
    int? SleepQuality,
    int? Stress,
    int? Mood,
    int? RestingHeartRateBpm,
    double? HrvRmssdMs,
    string? Notes,
    bool IsSimulated,
    DateTime UpdatedUtc)
{
    public static WellnessResource From(WellnessCheckIn w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new WellnessResource(w.Id, w.AthleteId, w.Date, w.Readiness, w.Fatigue, w.Soreness, w.SorenessBodyArea, w.SleepHours,
            w.SleepQuality, w.Stress, w.Mood, w.RestingHeartRateBpm, w.HrvRmssdMs, w.Notes, w.IsSimulated, w.UpdatedUtc);
    }
}
