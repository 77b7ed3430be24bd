namespace CoachPortal.Core.Invitations.Email;

/// <summary>The resolved pickup folder (absolute), or null when mail goes by SMTP or nowhere.</summary>
public sealed record EmailPickupDirectory(string? Path);
