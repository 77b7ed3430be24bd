namespace CoachPortal.Core.Invitations.Email;

/// <summary>
/// Section <c>Email</c>: how the portal sends mail (today, invitations). Either an SMTP server
/// (<c>Email:Smtp:Host</c>) or a pickup folder of <c>.eml</c> files (<c>Email:PickupDirectory</c>); with neither,
/// coaches hand invitation links out themselves. In Development, with neither set, mail goes to the pickup folder
/// <c>mail</c> inside the data folder, so a demo needs no mail server.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The SMTP server; unused while <see cref="SmtpOptions.Host"/> is empty.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Folder, relative to the data folder unless rooted, where each message is written as an <c>.eml</c> file
    /// instead of being sent (default: none). Nothing leaves the machine: never set it in production by mistake.
    /// </summary>
    public string? PickupDirectory { get; set; }

    /// <summary>Whether invitations can be sent by e-mail at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host) || !string.IsNullOrWhiteSpace(PickupDirectory);
}
