namespace CoachPortal.Analytics.Pose;

/// <summary>
/// Indices of the 33 BlazePose landmarks (Bazarevsky et al., 2020) that joint angles use. Each landmark has
/// x and y normalised to the frame's width and height (0–1, y downwards), z (depth, roughly the scale of x) and a
/// visibility 0–1.
/// </summary>
public static class PoseLandmarks
{
    /// <summary>Landmarks per frame.</summary>
    public const int Count = 33;

    /// <summary>Values per landmark: x, y, z, visibility.</summary>
    public const int Channels = 4;

    /// <summary>Values per frame.</summary>
    public const int FrameStride = Count * Channels;

    /// <summary>Left shoulder.</summary>
    public const int LeftShoulder = 11;

    /// <summary>Right shoulder.</summary>
    public const int RightShoulder = 12;

    /// <summary>Left elbow.</summary>
    public const int LeftElbow = 13;

    /// <summary>Right elbow.</summary>
    public const int RightElbow = 14;

    /// <summary>Left wrist.</summary>
    public const int LeftWrist = 15;

    /// <summary>Right wrist.</summary>
    public const int RightWrist = 16;

    /// <summary>Left hip.</summary>
    public const int LeftHip = 23;

    /// <summary>Right hip.</summary>
    public const int RightHip = 24;

    /// <summary>Left knee.</summary>
    public const int LeftKnee = 25;

    /// <summary>Right knee.</summary>
    public const int RightKnee = 26;

    /// <summary>Left ankle.</summary>
    public const int LeftAnkle = 27;

    /// <summary>Right ankle.</summary>
    public const int RightAnkle = 28;

    /// <summary>Left foot index (toe).</summary>
    public const int LeftFootIndex = 31;

    /// <summary>Right foot index (toe).</summary>
    public const int RightFootIndex = 32;
}
