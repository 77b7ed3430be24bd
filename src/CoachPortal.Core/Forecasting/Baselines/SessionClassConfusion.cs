namespace CoachPortal.Core.Forecasting.Baselines;

/// <summary>
/// A session model's test-part confusion matrices ([actual][predicted] counts, classes in <paramref name="Classes"/>
/// order), its own and its best baseline's; stored as the version's test series.
/// </summary>
public sealed record SessionClassConfusion(IReadOnlyList<string> Classes, int[][] Model, string BaselineName, int[][] Baseline);
