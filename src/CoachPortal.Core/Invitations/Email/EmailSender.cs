using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoachPortal.Core.Invitations.Email;

/// <summary>Sends a message through the configured SMTP server, or writes it to the pickup folder.</summary>
public sealed class EmailSender(IOptions<EmailOptions> options, EmailPickupDirectory pickup, ILogger<EmailSender> logger)
{
    public const string DefaultFrom = "CoachPortal <noreply@coachportal.local>";

    public MailboxAddress From => MailboxAddress.Parse(string.IsNullOrWhiteSpace(options.Value.Smtp.From) ? DefaultFrom : options.Value.Smtp.From);

    /// <summary>Sends <paramref name="message"/>; throws when the server refuses it, so the job is retried.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            using var client = new SmtpClient();
            var security = smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
            await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            logger.LogInformation("Sent \"{Subject}\" by SMTP through {Host}", message.Subject, smtp.Host);
            return;
        }

        if (pickup.Path is { } folder)
        {
            Directory.CreateDirectory(folder);
            // Written under a temporary name and renamed, so a reader never sees half a message.
            var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
            var partial = System.IO.Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(partial, ct);
            File.Move(partial, System.IO.Path.Combine(folder, name + ".eml"));
            logger.LogInformation("Wrote \"{Subject}\" to the mail pickup folder", message.Subject);
            return;
        }

        throw new InvalidOperationException("E-mail is not configured: set Email:Smtp:Host (or Email:PickupDirectory).");
    }
}
