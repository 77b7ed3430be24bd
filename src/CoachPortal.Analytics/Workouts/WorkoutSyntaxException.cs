namespace CoachPortal.Analytics.Workouts;

/// <summary>Workout text that does not follow the syntax; <see cref="Position"/> is the zero-based character offset.</summary>
public sealed class WorkoutSyntaxException(string reason, int position, int length)
    : FormatException($"{reason} (at character {position + 1})")
{
    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; } = reason;

    /// <summary>Zero-based character offset of the offending token.</summary>
    public int Position { get; } = position;

    /// <summary>Characters of the offending token (at least 1), for underlining.</summary>
    public int Length { get; } = Math.Max(1, length);
}
