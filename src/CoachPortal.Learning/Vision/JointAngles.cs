namespace CoachPortal.Learning.Vision;

/// <summary>
/// Joint angles from pose keypoints in MediaPipe's 33-point layout, each frame (x, y, visibility) per keypoint: the
/// classical description of a movement, and the input of the logistic-regression baseline for keypoint models.
/// </summary>
public static class JointAngles
{
    /// <summary>Keypoints per frame.</summary>
    public const int Keypoints = 33;

    /// <summary>Values per keypoint: x, y, visibility.</summary>
    public const int ValuesPerKeypoint = 3;

    /// <summary>Values per frame.</summary>
    public const int FrameWidth = Keypoints * ValuesPerKeypoint;

    // (a, vertex, b) in MediaPipe's indices: elbows, shoulders, hips, knees, left then right
    private static readonly (int A, int Vertex, int B)[] s_joints =
    [
        (11, 13, 15), (12, 14, 16),
        (13, 11, 23), (14, 12, 24),
        (11, 23, 25), (12, 24, 26),
        (23, 25, 27), (24, 26, 28),
    ];

    /// <summary>Names of the angles, in the order of <see cref="PerFrame"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["left elbow", "right elbow", "left shoulder", "right shoulder", "left hip", "right hip", "left knee", "right knee"];

    /// <summary>Each frame's angles in degrees (0–180), [frames][angles].</summary>
    public static double[][] PerFrame(float[] sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (sequence.Length % FrameWidth != 0)
        {
            throw new LearningException($"a keypoint sequence holds {FrameWidth} values per frame");
        }

        var frames = new double[sequence.Length / FrameWidth][];
        for (int f = 0; f < frames.Length; f++)
        {
            int o = f * FrameWidth;
            frames[f] = s_joints.Select(j => Angle(sequence, o, j.A, j.Vertex, j.B)).ToArray();
        }

        return frames;
    }

    /// <summary>The clip's description: mean, minimum and maximum of each angle over its frames.</summary>
    public static double[] Summary(float[] sequence)
    {
        var frames = PerFrame(sequence);
        if (frames.Length == 0)
        {
            throw new LearningException("a keypoint sequence needs at least one frame");
        }

        var result = new double[3 * s_joints.Length];
        for (int j = 0; j < s_joints.Length; j++)
        {
            result[j] = frames.Average(f => f[j]);
            result[s_joints.Length + j] = frames.Min(f => f[j]);
            result[(2 * s_joints.Length) + j] = frames.Max(f => f[j]);
        }

        return result;
    }

    private static double Angle(float[] s, int offset, int a, int vertex, int b)
    {
        double ax = s[offset + (3 * a)] - s[offset + (3 * vertex)], ay = s[offset + (3 * a) + 1] - s[offset + (3 * vertex) + 1];
        double bx = s[offset + (3 * b)] - s[offset + (3 * vertex)], by = s[offset + (3 * b) + 1] - s[offset + (3 * vertex) + 1];
        double norms = Math.Sqrt(((ax * ax) + (ay * ay)) * ((bx * bx) + (by * by)));
        // a joint whose points coincide (not detected) reads as straight rather than NaN
        return norms < 1e-12 ? 180 : Math.Acos(Math.Clamp(((ax * bx) + (ay * by)) / norms, -1, 1)) * 180 / Math.PI;
    }
}
