namespace CoachPortal.Core.Wellness;

/// <summary>What the check-in form edits; every field is optional.</summary>
public sealed class WellnessInput
{
    public int? Readiness { get; set; }

    public int? Fatigue { get; set; }

    public int? Soreness { get; set; }

    public string? SorenessBodyArea { get; set; }

    public double? SleepHours { get; set; }

    public int? SleepQuality { get; set; }

    public int? Stress { get; set; }

    public int? Mood { get; set; }

    public int? RestingHeartRateBpm { get; set; }

    public double? HrvRmssdMs { get; set; }

    public string? Notes { get; set; }

    public static WellnessInput From(WellnessCheckIn? checkIn) => checkIn is null ? new WellnessInput() : new WellnessInput
    {
        Readiness = checkIn.Readiness,
        Fatigue = checkIn.Fatigue,
        Soreness = checkIn.Soreness,
        SorenessBodyArea = checkIn.SorenessBodyArea,
        SleepHours = checkIn.SleepHours,
        SleepQuality = checkIn.SleepQuality,
        Stress = checkIn.Stress,
        Mood = checkIn.Mood,
        RestingHeartRateBpm = checkIn.RestingHeartRateBpm,
        HrvRmssdMs = checkIn.HrvRmssdMs,
        Notes = checkIn.Notes,
    };

    internal void ApplyTo(WellnessCheckIn target)
    {
        target.Readiness = Readiness;
        target.Fatigue = Fatigue;
        target.Soreness = Soreness;
        target.SorenessBodyArea = string.IsNullOrWhiteSpace(SorenessBodyArea) ? null : SorenessBodyArea.Trim();
        target.SleepHours = SleepHours;
        target.SleepQuality = SleepQuality;
        target.Stress = Stress;
        target.Mood = Mood;
        target.RestingHeartRateBpm = RestingHeartRateBpm;
        target.HrvRmssdMs = HrvRmssdMs;
        target.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }
}
