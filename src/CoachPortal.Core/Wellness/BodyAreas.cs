namespace CoachPortal.Core.Wellness;

/// <summary>Suggested body areas for soreness and injuries; free text is accepted too.</summary>
public static class BodyAreas
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Head/neck", "Shoulder", "Upper arm", "Elbow", "Forearm/wrist/hand", "Chest", "Upper back", "Lower back",
        "Abdomen", "Hip/groin", "Thigh (front)", "Hamstring", "Knee", "Calf", "Shin", "Achilles", "Ankle", "Foot",
        "General/illness",
    ];
}
