namespace CoachPortal.Analytics.Pose;

/// <summary>
/// Landmarks of a clip, frame after frame: <see cref="Values"/> holds <see cref="FrameCount"/> ×
/// <see cref="PoseLandmarks.FrameStride"/> numbers (x, y, z, visibility per landmark). A frame where no person was
/// found has visibility 0 everywhere.
/// </summary>
public sealed class PoseSequence
{
    /// <summary>Wraps landmarks sampled at <paramref name="framesPerSecond"/> from a frame <paramref name="aspectRatio"/> (width / height) wide.</summary>
    public PoseSequence(float[] values, double framesPerSecond, double aspectRatio)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length % PoseLandmarks.FrameStride != 0)
        {
            throw new AnalyticsInputException($"{values.Length} values are not whole frames of {PoseLandmarks.FrameStride}.");
        }

        if (!(framesPerSecond > 0) || double.IsInfinity(framesPerSecond))
        {
            throw new AnalyticsInputException("The frame rate must be positive.");
        }

        if (!(aspectRatio > 0) || double.IsInfinity(aspectRatio))
        {
            throw new AnalyticsInputException("The aspect ratio must be positive.");
        }

        Values = values;
        FramesPerSecond = framesPerSecond;
        AspectRatio = aspectRatio;
    }

    /// <summary>Frames × 33 × (x, y, z, visibility).</summary>
    public float[] Values { get; }

    /// <summary>Frames per second of the sampled clip.</summary>
    public double FramesPerSecond { get; }

    /// <summary>Frame width / height; x is scaled by it so that angles are measured in square pixels.</summary>
    public double AspectRatio { get; }

    /// <summary>Number of frames.</summary>
    public int FrameCount => Values.Length / PoseLandmarks.FrameStride;

    /// <summary>The landmark's x in units of frame height (so x and y share a scale).</summary>
    public double X(int frame, int landmark) => Values[Offset(frame, landmark)] * AspectRatio;

    /// <summary>The landmark's y in units of frame height, downwards.</summary>
    public double Y(int frame, int landmark) => Values[Offset(frame, landmark) + 1];

    /// <summary>The landmark's visibility, 0–1.</summary>
    public double Visibility(int frame, int landmark) => Values[Offset(frame, landmark) + 3];

    private static int Offset(int frame, int landmark) => (frame * PoseLandmarks.Count + landmark) * PoseLandmarks.Channels;
}
