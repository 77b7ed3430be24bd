namespace CoachPortal.Web.Components.Shared;

/// <summary>One series of an <see cref="ApexChart"/>: a name and its points (numbers, or {x, y} objects).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<object?> Data);
