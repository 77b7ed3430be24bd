using CoachPortal.Analytics.Pose;

namespace CoachPortal.Web.Features.Media;

/// <summary>A joint as the pages write it: "left knee", "trunk lean".</summary>
internal static class JointNames
{
    public static string Of(Joint joint) =>
        joint.ToString().Replace("Left", "left ", StringComparison.Ordinal).Replace("Right", "right ", StringComparison.Ordinal)
            .Replace("TrunkLean", "trunk lean", StringComparison.Ordinal).ToLowerInvariant();
}
