namespace CoachPortal.Core.Security;

/// <summary>Someone else saved the same record since the caller loaded it.</summary>
public sealed class ConcurrencyConflictException(string what)
    : DomainException($"This {what} was changed by someone else since you opened it. Reload to see their changes, then apply yours again.");
