namespace CoachPortal.Core.Security;

/// <summary>Input broke one or more rules; <see cref="Errors"/> names each field and what is wrong.</summary>
public sealed class ValidationFailedException(IReadOnlyList<ValidationError> errors)
    : DomainException(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
