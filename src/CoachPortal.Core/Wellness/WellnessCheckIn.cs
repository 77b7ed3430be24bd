using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Wellness;

/// <summary>
/// An athlete's daily self-report, one per athlete and local day. Every measure is optional: an athlete who only
/// logs sleep still gives the coach something. Subjective scales run 1–10, readiness 0–10.
/// </summary>
public class WellnessCheckIn
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    /// <summary>The athlete's local calendar day (the team's time zone).</summary>
    public DateOnly Date { get; set; }

    /// <summary>0 (not ready) … 10 (ready to go); the other scales start at 1.</summary>
    public int? Readiness { get; set; }

    /// <summary>1 (fresh) … 10 (exhausted).</summary>
    public int? Fatigue { get; set; }

    /// <summary>1 (none) … 10 (very sore).</summary>
    public int? Soreness { get; set; }

    public string? SorenessBodyArea { get; set; }

    public double? SleepHours { get; set; }

    /// <summary>1 (very poor) … 10 (excellent).</summary>
    public int? SleepQuality { get; set; }

    /// <summary>1 (relaxed) … 10 (very stressed).</summary>
    public int? Stress { get; set; }

    /// <summary>1 (very low) … 10 (great).</summary>
    public int? Mood { get; set; }

    public int? RestingHeartRateBpm { get; set; }

    /// <summary>Root mean square of successive RR differences, in milliseconds.</summary>
    public double? HrvRmssdMs { get; set; }

    public string? Notes { get; set; }

    /// <summary>Made by the demo's simulator, never measured; only demo athletes in demo mode have such rows, and pages mark them.</summary>
    public bool IsSimulated { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime UpdatedUtc { get; set; } = DateTime.UtcNow;
}
