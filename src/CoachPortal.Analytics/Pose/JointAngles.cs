namespace CoachPortal.Analytics.Pose;

/// <summary>
/// Joint angles in degrees from 2-D landmarks (x scaled by the aspect ratio, so in square pixels). BlazePose's z is
/// estimated from one camera and is far noisier than x and y, so the angles are those seen in the image plane:
/// film side-on for sagittal angles (knee, hip, ankle, trunk lean).
/// </summary>
public static class JointAngles
{
    private static readonly Dictionary<Joint, (int A, int Vertex, int B)> s_triples = new()
    {
        [Joint.LeftKnee] = (PoseLandmarks.LeftHip, PoseLandmarks.LeftKnee, PoseLandmarks.LeftAnkle),
        [Joint.RightKnee] = (PoseLandmarks.RightHip, PoseLandmarks.RightKnee, PoseLandmarks.RightAnkle),
        [Joint.LeftHip] = (PoseLandmarks.LeftShoulder, PoseLandmarks.LeftHip, PoseLandmarks.LeftKnee),
        [Joint.RightHip] = (PoseLandmarks.RightShoulder, PoseLandmarks.RightHip, PoseLandmarks.RightKnee),
        [Joint.LeftAnkle] = (PoseLandmarks.LeftKnee, PoseLandmarks.LeftAnkle, PoseLandmarks.LeftFootIndex),
        [Joint.RightAnkle] = (PoseLandmarks.RightKnee, PoseLandmarks.RightAnkle, PoseLandmarks.RightFootIndex),
        [Joint.LeftElbow] = (PoseLandmarks.LeftShoulder, PoseLandmarks.LeftElbow, PoseLandmarks.LeftWrist),
        [Joint.RightElbow] = (PoseLandmarks.RightShoulder, PoseLandmarks.RightElbow, PoseLandmarks.RightWrist),
        [Joint.LeftShoulder] = (PoseLandmarks.LeftHip, PoseLandmarks.LeftShoulder, PoseLandmarks.LeftElbow),
        [Joint.RightShoulder] = (PoseLandmarks.RightHip, PoseLandmarks.RightShoulder, PoseLandmarks.RightElbow),
    };

    /// <summary>
    /// Every joint's angle per frame; NaN where a landmark it needs is less visible than <paramref name="minVisibility"/>.
    /// </summary>
    public static IReadOnlyDictionary<Joint, double[]> Compute(PoseSequence pose, double minVisibility = 0.5)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var result = new Dictionary<Joint, double[]>();
        foreach (var (joint, (a, v, b)) in s_triples)
        {
            var series = new double[pose.FrameCount];
            for (var f = 0; f < series.Length; f++)
            {
                series[f] = Seen(pose, f, minVisibility, a, v, b)
                    ? Angle(pose.X(f, a), pose.Y(f, a), pose.X(f, v), pose.Y(f, v), pose.X(f, b), pose.Y(f, b))
                    : double.NaN;
            }

            result[joint] = series;
        }

        result[Joint.TrunkLean] = TrunkLean(pose, minVisibility);
        return result;
    }

    /// <summary>The angle at (vx, vy) between the rays to (ax, ay) and (bx, by), 0–180°; NaN when a ray has no length.</summary>
    public static double Angle(double ax, double ay, double vx, double vy, double bx, double by)
    {
        double ux = ax - vx, uy = ay - vy, wx = bx - vx, wy = by - vy;
        var cross = (ux * wy) - (uy * wx);
        var dot = (ux * wx) + (uy * wy);
        if (cross == 0 && dot == 0)
        {
            return double.NaN;
        }

        // atan2 of cross and dot is exact near 0° and 180°, where acos of the normalised dot loses digits.
        return Math.Abs(Math.Atan2(cross, dot)) * 180 / Math.PI;
    }

    private static double[] TrunkLean(PoseSequence pose, double minVisibility)
    {
        var series = new double[pose.FrameCount];
        for (var f = 0; f < series.Length; f++)
        {
            if (!Seen(pose, f, minVisibility, PoseLandmarks.LeftShoulder, PoseLandmarks.RightShoulder, PoseLandmarks.LeftHip, PoseLandmarks.RightHip))
            {
                series[f] = double.NaN;
                continue;
            }

            var shoulderX = (pose.X(f, PoseLandmarks.LeftShoulder) + pose.X(f, PoseLandmarks.RightShoulder)) / 2;
            var shoulderY = (pose.Y(f, PoseLandmarks.LeftShoulder) + pose.Y(f, PoseLandmarks.RightShoulder)) / 2;
            var hipX = (pose.X(f, PoseLandmarks.LeftHip) + pose.X(f, PoseLandmarks.RightHip)) / 2;
            var hipY = (pose.Y(f, PoseLandmarks.LeftHip) + pose.Y(f, PoseLandmarks.RightHip)) / 2;

            // Image y grows downwards: "up" from the hips is (0, -1).
            series[f] = Angle(hipX, hipY - 1, hipX, hipY, shoulderX, shoulderY);
        }

        return series;
    }

    private static bool Seen(PoseSequence pose, int frame, double minVisibility, params int[] landmarks)
    {
        foreach (var l in landmarks)
        {
            if (!(pose.Visibility(frame, l) >= minVisibility))
            {
                return false;
            }
        }

        return true;
    }
}
