using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Load.Performance;

/// <summary>One result of a performance test, entered by a coach. These are the markers the Banister model is fitted to.</summary>
public class PerformanceTest
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The test's name, e.g. "5 km time trial" (see <see cref="PerformanceTestKinds"/>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Unit of <see cref="Value"/>: s, W, cm, level, m…</summary>
    public string Unit { get; set; } = "";

    /// <summary>True for power or jump height; false for a time trial's seconds.</summary>
    public bool HigherIsBetter { get; set; } = true;

    public double Value { get; set; }

    public string? Notes { get; set; }

    public string? EnteredByUserId { get; set; }

    /// <summary>Made by the demo's simulator, never measured; only demo athletes in demo mode have such rows, and pages mark them.</summary>
    public bool IsSimulated { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
