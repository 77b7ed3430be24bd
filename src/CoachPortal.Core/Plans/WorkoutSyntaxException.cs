using CoachPortal.Core.Security;

namespace CoachPortal.Core.Plans;

/// <summary>Workout text that does not follow the syntax; <see cref="Position"/> is the zero-based character offset.</summary>
public sealed class WorkoutSyntaxException(string reason, int position, int length)
    : DomainException($"{reason} (at character {position + 1})")
{
    public string Reason { get; } = reason;

    public int Position { get; } = position;

    /// <summary>Characters of the offending token (at least 1), for underlining.</summary>
    public int Length { get; } = Math.Max(1, length);
}
