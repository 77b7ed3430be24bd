namespace CoachPortal.Core.Sessions.Streams;

/// <summary>One downsampled stream for a chart: x in seconds since the start, y in <see cref="Unit"/>.</summary>
public sealed record StreamSeries(string Key, string Name, string Unit, double[] ElapsedSeconds, double[] Values);
