namespace CoachPortal.Core.Audit;

/// <summary>The actions the audit trail records.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in failed";
    public const string RoleChanged = "role changed";
    public const string AccountCreated = "account created";
    public const string TeamChanged = "team changed";
    public const string InvitationSent = "invitation sent";
    public const string InvitationAccepted = "invitation accepted";
    public const string InvitationRevoked = "invitation revoked";
    public const string Upload = "upload";
    public const string Deletion = "deletion";
    public const string Export = "export";
    public const string ErasureRequested = "erasure requested";
    public const string Erasure = "erasure";
    public const string ModelPromoted = "model promoted";
    public const string ModelRolledBack = "model rolled back";
    public const string TokenCreated = "token created";
    public const string TokenRevoked = "token revoked";
    public const string RetentionPurge = "retention purge";

    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignInFailed, RoleChanged, AccountCreated, TeamChanged, InvitationSent, InvitationAccepted, InvitationRevoked,
        Upload, Deletion, Export, ErasureRequested, Erasure, ModelPromoted, ModelRolledBack, TokenCreated, TokenRevoked, RetentionPurge,
    ];
}
