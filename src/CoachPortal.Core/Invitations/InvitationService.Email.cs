using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Invitations;

/// <summary>Invitations sent by e-mail: one, the whole roster, again, or taken back.</summary>
public sealed partial class InvitationService
{
    /// <summary>Whether this server can send invitations by e-mail (<c>Email:Smtp:Host</c> or a pickup folder).</summary>
    public bool CanSendEmail => email.Value.IsConfigured;

    /// <summary>Creates an invitation and queues its e-mail; <paramref name="portalUrl"/> is the portal's address for the link.</summary>
    public async Task<int> SendAsync(Caller caller, int athleteId, string address, string portalUrl, CancellationToken ct = default)
    {
        RequireEmail(portalUrl);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (invitation, _) = await AddAsync(db, caller, athleteId, address, sendsRequested: 1, ct);
        Enqueue(invitation.Id, 1, portalUrl);
        return invitation.Id;
    }

    /// <summary>
    /// Invites every active athlete of the team who has an e-mail address, no account and no live invitation yet;
    /// returns how many were invited.
    /// </summary>
    public async Task<int> InviteRosterAsync(Caller caller, int teamId, string portalUrl, CancellationToken ct = default)
    {
        RequireEmail(portalUrl);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, "Only the team's coaches may invite its athletes.");
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Athletes
            .Where(a => a.TeamId == teamId && !a.IsArchived && a.UserId == null && a.Email != null && a.Email != "")
            .Where(a => !db.Invitations.Any(i => i.AthleteId == a.Id && i.AcceptedUtc == null && i.RevokedUtc == null && i.ExpiresUtc > now))
            .Select(a => new { a.Id, a.Email })
            .ToListAsync(ct);
        var invited = 0;
        foreach (var athlete in due.Where(a => System.Net.Mail.MailAddress.TryCreate(a.Email!.Trim(), out _)))
        {
            var (invitation, _) = await AddAsync(db, caller, athlete.Id, athlete.Email!, sendsRequested: 1, ct);
            Enqueue(invitation.Id, 1, portalUrl);
            invited++;
        }

        return invited;
    }

    /// <summary>Sends the invitation again with a fresh link (the earlier one stops working) and a renewed expiry.</summary>
    public async Task ResendAsync(Caller caller, int invitationId, string portalUrl, CancellationToken ct = default)
    {
        RequireEmail(portalUrl);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await LoadManageableAsync(db, caller, invitationId, ct);
        if (invitation.AcceptedUtc is not null || invitation.RevokedUtc is not null)
        {
            throw new ValidationFailedException([new ValidationError("Invitation", "This invitation was already accepted or revoked: send a new one.")]);
        }

        invitation.ExpiresUtc = clock.GetUtcNow().UtcDateTime.AddDays(options.Value.ValidDays);
        invitation.SendsRequested++;
        await db.SaveChangesAsync(ct);
        Enqueue(invitation.Id, invitation.SendsRequested, portalUrl);
        notifier.Publish(Topics.Team(invitation.Athlete!.TeamId));
    }

    /// <summary>Takes the invitation back: its link stops working at once, and a queued e-mail is not sent.</summary>
    public async Task RevokeAsync(Caller caller, int invitationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await LoadManageableAsync(db, caller, invitationId, ct);
        if (invitation.AcceptedUtc is not null)
        {
            throw new ValidationFailedException([new ValidationError("Invitation", "This invitation was already accepted.")]);
        }

        invitation.RevokedUtc ??= clock.GetUtcNow().UtcDateTime;
        await AuditLog.AddAsync(db, clock, AuditActions.InvitationRevoked, caller.UserId, $"athlete {invitation.AthleteId}", null, ct: ct);
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Team(invitation.Athlete!.TeamId));
    }

    /// <summary>The team's invitations that are neither accepted nor revoked, newest first.</summary>
    public async Task<IReadOnlyList<InvitationRow>> ListForTeamAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, "Only the team's coaches may see its invitations.");
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.Athlete!.TeamId == teamId && i.AcceptedUtc == null && i.RevokedUtc == null)
            .Select(i => new
            {
                i.Id,
                i.AthleteId,
                i.Athlete!.FirstName,
                i.Athlete.LastName,
                i.Email,
                i.CreatedUtc,
                i.ExpiresUtc,
                i.SentUtc,
                i.SendsRequested,
                i.SendsCompleted,
            })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.CreatedUtc)
            .Select(r => new InvitationRow(r.Id, r.AthleteId, $"{r.FirstName} {r.LastName}", r.Email, r.CreatedUtc, r.ExpiresUtc, r.SentUtc,
                r.SendsRequested > r.SendsCompleted, r.ExpiresUtc <= now))
            .ToList();
    }

    private static async Task<Invitation> LoadManageableAsync(AppDbContext db, Caller caller, int invitationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var invitation = await db.Invitations.Include(i => i.Athlete)
            .FirstOrDefaultAsync(i => i.Id == invitationId && db.VisibleAthletes(caller).Any(a => a.Id == i.AthleteId), ct)
            ?? throw new NotFoundException("Invitation not found.");
        if (!db.CanManageTeam(caller, invitation.Athlete!.TeamId))
        {
            throw new ForbiddenException("Only the team's coaches may change its invitations.");
        }

        return invitation;
    }

    private void RequireEmail(string portalUrl)
    {
        if (!email.Value.IsConfigured)
        {
            throw new ValidationFailedException([new ValidationError("Email", "This server cannot send e-mail (Email:Smtp:Host is not set): copy the invitation link instead.")]);
        }

        if (!Uri.TryCreate(portalUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The portal's address must be an absolute http(s) URL.", nameof(portalUrl));
        }
    }

    private void Enqueue(int invitationId, int sendNumber, string portalUrl) =>
        jobs.Enqueue<InvitationEmailJob>(JobQueues.Default, j => j.RunAsync(invitationId, sendNumber, portalUrl, CancellationToken.None));
}
