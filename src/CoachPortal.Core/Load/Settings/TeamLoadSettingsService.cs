using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Load.Settings;

/// <summary>Reads and changes how a team counts load; a change queues a full recompute of the team's athletes.</summary>
public sealed class TeamLoadSettingsService(IDbContextFactory<AppDbContext> dbFactory, LoadRecomputeScheduler scheduler, ChangeNotifier notifier)
{
    public async Task<TeamLoadSettings> GetAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException("Team not found.");
        }

        return await db.TeamLoadSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TeamId == teamId, ct) ?? new TeamLoadSettings { TeamId = teamId };
    }

    public async Task UpdateAsync(Caller caller, int teamId, TeamLoadSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.CanManageTeam(caller, teamId))
        {
            if (!await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
            {
                throw new NotFoundException("Team not found.");
            }

            throw new ForbiddenException("Only the team's coaches may change its load settings.");
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var settings = await db.TeamLoadSettings.FirstOrDefaultAsync(s => s.TeamId == teamId, ct);
        if (settings is null)
        {
            settings = new TeamLoadSettings { TeamId = teamId };
            db.TeamLoadSettings.Add(settings);
        }

        var changed = settings.PrimaryMetric != input.PrimaryMetric
            || settings.CtlTimeConstantDays != input.CtlTimeConstantDays
            || settings.AtlTimeConstantDays != input.AtlTimeConstantDays
            || settings.TimeZoneId != input.TimeZoneId.Trim();
        settings.PrimaryMetric = input.PrimaryMetric;
        settings.CtlTimeConstantDays = input.CtlTimeConstantDays;
        settings.AtlTimeConstantDays = input.AtlTimeConstantDays;
        settings.TimeZoneId = input.TimeZoneId.Trim();
        await db.SaveChangesAsync(ct);
        if (changed)
        {
            await scheduler.ScheduleTeamAsync(teamId, ct);
        }

        notifier.Publish(Topics.Team(teamId));
    }

    public static IReadOnlyList<ValidationError> Validate(TeamLoadSettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (!Enum.IsDefined(input.PrimaryMetric))
        {
            errors.Add(new ValidationError(nameof(input.PrimaryMetric), "Choose TSS, TRIMP or session RPE."));
        }

        if (!(input.CtlTimeConstantDays >= 7 && input.CtlTimeConstantDays <= 120))
        {
            errors.Add(new ValidationError(nameof(input.CtlTimeConstantDays), "The CTL time constant must be between 7 and 120 days."));
        }

        if (!(input.AtlTimeConstantDays >= 1 && input.AtlTimeConstantDays <= 30))
        {
            errors.Add(new ValidationError(nameof(input.AtlTimeConstantDays), "The ATL time constant must be between 1 and 30 days."));
        }
        else if (input.AtlTimeConstantDays >= input.CtlTimeConstantDays)
        {
            errors.Add(new ValidationError(nameof(input.AtlTimeConstantDays), "The ATL time constant must be shorter than the CTL one."));
        }

        if (string.IsNullOrWhiteSpace(input.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZoneId.Trim(), out _))
        {
            errors.Add(new ValidationError(nameof(input.TimeZoneId), "Unknown time zone; use an IANA name such as Europe/Oslo."));
        }

        return errors;
    }
}
