namespace CoachPortal.Core.Security;

public sealed record ValidationError(string Field, string Message);
