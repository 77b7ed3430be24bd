namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// Where one scale is in the source file and how it runs there: from <paramref name="Min"/> to
/// <paramref name="Max"/>, with the good end high or low. Values are mapped linearly onto the portal's scale and
/// direction, then rounded to the nearest whole step.
/// </summary>
/// <param name="Column">the column's header (case-insensitive)</param>
/// <param name="Min">the source scale's lowest value</param>
/// <param name="Max">the source scale's highest value</param>
/// <param name="HigherIsBetter">whether the source's high end is the good one (fresh, relaxed, ready, great mood)</param>
public sealed record ScaleMapping(string Column, double Min, double Max, bool HigherIsBetter);
