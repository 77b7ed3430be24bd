namespace CoachPortal.Core.Load.Performance;

/// <summary>The tests offered in the entry form; coaches may type another one with its own unit.</summary>
public static class PerformanceTestKinds
{
    public static IReadOnlyList<PerformanceTestKind> All { get; } =
    [
        new("5 km time trial", "s", HigherIsBetter: false),
        new("3 km time trial", "s", HigherIsBetter: false),
        new("10 km time trial", "s", HigherIsBetter: false),
        new("20-min power", "W", HigherIsBetter: true),
        new("Ramp test MAP", "W", HigherIsBetter: true),
        new("CMJ height", "cm", HigherIsBetter: true),
        new("Yo-yo IR1 level", "level", HigherIsBetter: true),
        new("Cooper 12-min distance", "m", HigherIsBetter: true),
    ];

    public static PerformanceTestKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
