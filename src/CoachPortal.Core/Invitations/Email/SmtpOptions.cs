namespace CoachPortal.Core.Invitations.Email;

/// <summary>Section <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>Server name (default: none, no SMTP). When set, <see cref="From"/> is required.</summary>
    public string? Host { get; set; }

    /// <summary>Port (default 587, the submission port; 465 means TLS from the first byte).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Account to authenticate as (default: none, no authentication).</summary>
    public string? UserName { get; set; }

    /// <summary>Password of <see cref="UserName"/>. Keep it in user secrets or the environment, never in the file.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Upgrade the connection with STARTTLS (default true, required). False sends credentials and invitation links
    /// in clear text: only for a relay on the same machine or a test server.
    /// </summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>The sender, e.g. <c>CoachPortal &lt;noreply@club.example&gt;</c>; also used for pickup files.</summary>
    public string? From { get; set; }
}
