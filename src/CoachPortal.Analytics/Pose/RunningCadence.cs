namespace CoachPortal.Analytics.Pose;

/// <summary>
/// Cadence of a running clip filmed side-on: the horizontal distance between the ankles changes sign each time one
/// foot passes the other, once per step. Counting sign changes (with a dead band against jitter) over the time
/// between the first and last gives steps per minute.
/// </summary>
public static class RunningCadence
{
    /// <summary>
    /// Steps per minute, or null when fewer than three crossings are seen. <paramref name="deadBand"/> is in units of
    /// frame height: the feet must be at least this far apart on each side for a crossing to count.
    /// </summary>
    public static double? StepsPerMinute(PoseSequence pose, double deadBand = 0.02, double minVisibility = 0.5)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var gap = new double[pose.FrameCount];
        for (var f = 0; f < gap.Length; f++)
        {
            gap[f] = pose.Visibility(f, PoseLandmarks.LeftAnkle) >= minVisibility && pose.Visibility(f, PoseLandmarks.RightAnkle) >= minVisibility
                ? pose.X(f, PoseLandmarks.LeftAnkle) - pose.X(f, PoseLandmarks.RightAnkle)
                : double.NaN;
        }

        var smooth = AngleSignal.Smooth(gap, 3);
        var side = 0;
        var crossings = new List<double>();
        var lastOpposite = -1;
        for (var f = 0; f < smooth.Length; f++)
        {
            var now = smooth[f] > deadBand ? 1 : smooth[f] < -deadBand ? -1 : 0;
            if (now == 0)
            {
                continue;
            }

            if (side != 0 && now != side)
            {
                // The crossing lies between the last frame on the old side and this one.
                crossings.Add((lastOpposite + f) / 2.0);
            }

            if (now != side || side == 0)
            {
                side = now;
            }

            lastOpposite = f;
        }

        if (crossings.Count < 3)
        {
            return null;
        }

        var seconds = (crossings[^1] - crossings[0]) / pose.FramesPerSecond;
        return (crossings.Count - 1) / seconds * 60;
    }
}
