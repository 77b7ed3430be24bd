namespace CoachPortal.Web.Components.Shared;

/// <summary>
/// One series of an <see cref="ApexChart"/>: a name and its points (numbers, or {x, y} objects; {x, y: [low, high]}
/// for a range). <see cref="Type"/> sets the series' own type in a combo chart (e.g. rangeArea under a line).
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<object?> Data, string? Type = null);
