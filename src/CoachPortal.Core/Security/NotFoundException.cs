namespace CoachPortal.Core.Security;

/// <summary>
/// The thing does not exist, or the caller may not know it exists: reading another team's data answers
/// "not found" so that identifiers cannot be probed.
/// </summary>
public sealed class NotFoundException(string message) : DomainException(message);
