using System.Globalization;
using System.Net;
using MimeKit;

namespace CoachPortal.Core.Invitations.Email;

/// <summary>The invitation e-mail: plain text and HTML, the link in both.</summary>
public static class InvitationMessage
{
    public const string Subject = "You are invited to CoachPortal";

    public static MimeMessage Create(MailboxAddress from, string to, string athleteName, string teamName, string link, DateTime expiresUtc)
    {
        ArgumentNullException.ThrowIfNull(from);
        var expires = expiresUtc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var message = new MimeMessage { Subject = Subject };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(athleteName, to));
        var body = new BodyBuilder
        {
            TextBody = $"""
                Hello {athleteName},

                {teamName} has invited you to CoachPortal. Open this link to choose your password:

                {link}

                The link works once, until {expires} (UTC). If you did not expect this message, ignore it.
                """,
            HtmlBody = $"""
                <p>Hello {WebUtility.HtmlEncode(athleteName)},</p>
                <p>{WebUtility.HtmlEncode(teamName)} has invited you to CoachPortal.
                <a href="{WebUtility.HtmlEncode(link)}">Choose your password</a> to open your account.</p>
                <p>The link works once, until {expires} (UTC). If you did not expect this message, ignore it.</p>
                """,
        };
        message.Body = body.ToMessageBody();
        return message;
    }
}
