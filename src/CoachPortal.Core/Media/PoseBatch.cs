namespace CoachPortal.Core.Media;

/// <summary>
/// Landmarks of consecutive frames from the browser, starting at <see cref="StartFrame"/>: frames × 33 ×
/// (x, y, z, visibility). Later batches extend or overwrite earlier ones, so a replay after a dropped
/// connection does no harm.
/// </summary>
public sealed record PoseBatch(int StartFrame, double FramesPerSecond, double AspectRatio, float[] Values);
