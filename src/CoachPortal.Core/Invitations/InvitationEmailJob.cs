using CoachPortal.Core.Data;
using CoachPortal.Core.Invitations.Email;
using CoachPortal.Core.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Invitations;

/// <summary>
/// Sends send number <c>sendNumber</c> of an invitation. Each send draws a fresh token and stores its hash before the
/// message leaves, so the secret never sits in job storage and only the latest e-mail's link works. A send that
/// already went out, or an invitation accepted, revoked or expired meanwhile, sends nothing.
/// </summary>
public sealed class InvitationEmailJob(
    IDbContextFactory<AppDbContext> dbFactory,
    EmailSender sender,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<InvitationEmailJob> logger)
{
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(int invitationId, int sendNumber, string portalUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(portalUrl);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.Include(i => i.Athlete).ThenInclude(a => a!.Team)
            .FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null || invitation.SendsCompleted >= sendNumber || invitation.SendsRequested != sendNumber
            || invitation.AcceptedUtc is not null || invitation.RevokedUtc is not null || invitation.ExpiresUtc <= now)
        {
            logger.LogInformation("Invitation {InvitationId}: send {SendNumber} is no longer due", invitationId, sendNumber);
            return;
        }

        var token = InvitationTokens.New();
        invitation.TokenHash = InvitationTokens.Hash(token);
        await db.SaveChangesAsync(ct);

        var message = InvitationMessage.Create(sender.From, invitation.Email, invitation.Athlete!.FullName, invitation.Athlete.Team!.Name,
            InvitationTokens.Link(portalUrl, token), invitation.ExpiresUtc);
        await sender.SendAsync(message, ct);

        invitation.SendsCompleted = sendNumber;
        invitation.SentUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Team(invitation.Athlete.TeamId));
    }
}
