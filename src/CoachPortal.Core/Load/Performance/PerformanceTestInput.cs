namespace CoachPortal.Core.Load.Performance;

/// <summary>What the test-entry form edits.</summary>
public sealed class PerformanceTestInput
{
    public DateOnly? Date { get; set; }

    public string? Kind { get; set; }

    public string? Unit { get; set; }

    public bool HigherIsBetter { get; set; } = true;

    public double? Value { get; set; }

    public string? Notes { get; set; }
}
