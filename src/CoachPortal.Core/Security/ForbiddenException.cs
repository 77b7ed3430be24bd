namespace CoachPortal.Core.Security;

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
