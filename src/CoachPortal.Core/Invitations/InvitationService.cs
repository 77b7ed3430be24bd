using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Invitations.Email;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Invitations;

public sealed partial class InvitationService(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    IOptions<InvitationOptions> options,
    IOptions<EmailOptions> email,
    IBackgroundJobClient jobs,
    ChangeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>Creates an invitation and returns its secret token (shown once, as a link, to the coach).</summary>
    public async Task<string> CreateAsync(Caller caller, int athleteId, string email, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, token) = await AddAsync(db, caller, athleteId, email, sendsRequested: 0, ct);
        return token;
    }

    private async Task<(Invitation Invitation, string Token)> AddAsync(AppDbContext db, Caller caller, int athleteId, string email, int sendsRequested, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var athlete = await db.VisibleAthletes(caller).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        if (!db.CanManageTeam(caller, athlete.TeamId))
        {
            throw new ForbiddenException("Only the team's coaches may invite its athletes.");
        }

        if (athlete.UserId is not null)
        {
            throw new ValidationFailedException([new ValidationError("Athlete", $"{athlete.FullName} already has an account.")]);
        }

        if (string.IsNullOrWhiteSpace(email) || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
        {
            throw new ValidationFailedException([new ValidationError("Email", "Enter the athlete's email address.")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = InvitationTokens.New();

        // One live invitation per athlete: a new one replaces the links and e-mails of the earlier ones.
        await db.Invitations.Where(i => i.AthleteId == athleteId && i.AcceptedUtc == null && i.RevokedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.RevokedUtc, now), ct);
        var invitation = new Invitation
        {
            AthleteId = athleteId,
            Email = email.Trim(),
            TokenHash = InvitationTokens.Hash(token),
            CreatedByUserId = caller.UserId,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(options.Value.ValidDays),
            SendsRequested = sendsRequested,
        };
        db.Invitations.Add(invitation);
        await AuditLog.AddAsync(db, clock, AuditActions.InvitationSent, caller.UserId, $"athlete {athleteId}", sendsRequested > 0 ? "by e-mail" : "link", ct: ct);
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Team(athlete.TeamId));
        return (invitation, token);
    }

    /// <summary>What the invitation is for, or null when the token is unknown, used, revoked or expired.</summary>
    public async Task<InvitationPreview?> PreviewAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await FindUsableAsync(db, token, ct);
        return invitation is null ? null
            : new InvitationPreview(invitation.Athlete!.FullName, invitation.Athlete.Team!.Name, invitation.Email, invitation.ExpiresUtc);
    }

    /// <summary>
    /// Opens the athlete's account (or links an existing one with the same email and password check done by the
    /// caller) and links it to the athlete profile. Returns the new user's id.
    /// </summary>
    public async Task<string> AcceptAsync(string token, string password, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await FindUsableAsync(db, token, ct)
            ?? throw new NotFoundException("This invitation link is not valid any more. Ask your coach for a new one.");
        if (invitation.Athlete!.UserId is not null)
        {
            throw new ValidationFailedException([new ValidationError("Invitation", "This athlete already has an account.")]);
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            throw new ValidationFailedException([new ValidationError("Email", "An account with this email already exists. Sign in, or ask your coach to invite another address.")]);
        }

        var user = new ApplicationUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = invitation.Athlete.FullName,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new ValidationFailedException(created.Errors.Select(e => new ValidationError("Password", e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, Roles.Athlete);
        invitation.AcceptedUtc = clock.GetUtcNow().UtcDateTime;
        invitation.Athlete.UserId = user.Id;
        await AuditLog.AddAsync(db, clock, AuditActions.InvitationAccepted, user.Id, $"athlete {invitation.AthleteId}", null, ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await users.DeleteAsync(user);
            throw;
        }

        return user.Id;
    }

    private async Task<Invitation?> FindUsableAsync(AppDbContext db, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var hash = InvitationTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Invitations.Include(i => i.Athlete).ThenInclude(a => a!.Team)
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedUtc == null && i.RevokedUtc == null && i.ExpiresUtc > now, ct);
    }
}
