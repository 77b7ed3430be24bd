namespace CoachPortal.Core.Load.Performance;

/// <summary>What the injury-entry form edits.</summary>
public sealed class InjuryInput
{
    public InjuryKind Kind { get; set; }

    public DateOnly? OnsetDate { get; set; }

    public string? BodyArea { get; set; }

    public InjurySeverity Severity { get; set; }

    public int? DaysLost { get; set; }

    public DateOnly? ReturnDate { get; set; }

    public string? Notes { get; set; }
}
