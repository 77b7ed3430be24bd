namespace CoachPortal.Analytics.Pose;

/// <summary>The joint angles <see cref="JointAngles"/> measures.</summary>
public enum Joint
{
    /// <summary>Hip–knee–ankle; 180° straight.</summary>
    LeftKnee,

    /// <summary>Hip–knee–ankle; 180° straight.</summary>
    RightKnee,

    /// <summary>Shoulder–hip–knee; 180° upright.</summary>
    LeftHip,

    /// <summary>Shoulder–hip–knee; 180° upright.</summary>
    RightHip,

    /// <summary>Knee–ankle–toe; about 90°–110° standing.</summary>
    LeftAnkle,

    /// <summary>Knee–ankle–toe.</summary>
    RightAnkle,

    /// <summary>Shoulder–elbow–wrist; 180° straight.</summary>
    LeftElbow,

    /// <summary>Shoulder–elbow–wrist.</summary>
    RightElbow,

    /// <summary>Hip–shoulder–elbow; 0° arm along the body.</summary>
    LeftShoulder,

    /// <summary>Hip–shoulder–elbow.</summary>
    RightShoulder,

    /// <summary>Mid-hip to mid-shoulder against the vertical; 0° upright, positive leaning either way.</summary>
    TrunkLean,
}
