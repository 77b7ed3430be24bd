namespace CoachPortal.Core.Security;

/// <summary>
/// Section <c>DataProtection</c>: the certificate that encrypts the data-protection keys (they sign the sign-in
/// cookies, antiforgery and account tokens) before they are stored in the database.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// PFX file with the certificate and its private key, absolute or relative to the content root. Keep it off the
    /// database server and out of its backups: whoever holds both can forge any user's cookie. Required in
    /// Production; elsewhere a self-signed one is created in the data folder when unset.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX file (a user secret or environment variable, never the shared appsettings).</summary>
    public string? CertificatePassword { get; set; }
}
