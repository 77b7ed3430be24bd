using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Load.Performance;

/// <summary>An injury or illness, entered by a coach; a label the forecasting models learn from later.</summary>
public class Injury
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public InjuryKind Kind { get; set; }

    public DateOnly OnsetDate { get; set; }

    public string? BodyArea { get; set; }

    public InjurySeverity Severity { get; set; }

    public int? DaysLost { get; set; }

    /// <summary>Return to full training; null while the athlete is still out.</summary>
    public DateOnly? ReturnDate { get; set; }

    public string? Notes { get; set; }

    public string? EnteredByUserId { get; set; }

    /// <summary>Made by the demo's simulator, never measured; only demo athletes in demo mode have such rows, and pages mark them.</summary>
    public bool IsSimulated { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
