namespace CoachPortal.Core.Security;

/// <summary>Base of the few errors services report to users; the message is written for them.</summary>
public abstract class DomainException(string message) : Exception(message);
