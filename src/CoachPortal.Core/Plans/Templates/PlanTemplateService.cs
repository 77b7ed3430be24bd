using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Templates;

/// <summary>Periodised plan templates: create, edit (with a concurrency check), copy and archive.</summary>
public sealed class PlanTemplateService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxWeeks = 52;

    public async Task<IReadOnlyList<PlanTemplateView>> ListAsync(Caller caller, bool includeArchived = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        PlanAccess.RequireCoach(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = db.VisibleTeams(caller).Select(t => t.Id);
        var templates = await db.PlanTemplates.AsNoTracking().Include(t => t.Blocks).Include(t => t.Sessions)
            .Where(t => includeArchived || !t.IsArchived)
            .Where(t => caller.IsAdmin || t.OwnerUserId == caller.UserId || (t.TeamId != null && teams.Contains(t.TeamId.Value)))
            .OrderBy(t => t.Name)
            .AsSplitQuery()
            .ToListAsync(ct);
        return templates.Select(ToView).ToList();
    }

    public async Task<PlanTemplateView> GetAsync(Caller caller, int templateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToView(await LoadAsync(db, caller, templateId, ct));
    }

    public async Task<int> CreateAsync(Caller caller, PlanTemplateInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        PlanAccess.RequireCoach(caller);
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.TeamId is { } teamId && !db.CanManageTeam(caller, teamId))
        {
            throw new ForbiddenException("Only the team's coaches may add templates to it.");
        }

        var template = new PlanTemplate { OwnerUserId = caller.UserId, TeamId = input.TeamId };
        Apply(template, input);
        db.PlanTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    /// <summary>Replaces the template's fields, blocks and sessions in one transaction; a stale <paramref name="expectedVersion"/> fails with a conflict and changes nothing.</summary>
    public async Task<Guid> UpdateAsync(Caller caller, int templateId, PlanTemplateInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await LoadAsync(db, caller, templateId, ct);
        db.Entry(template).Property(t => t.Version).OriginalValue = expectedVersion;
        db.PlanBlocks.RemoveRange(template.Blocks);
        db.PlanTemplateSessions.RemoveRange(template.Sessions);
        template.Blocks.Clear();
        template.Sessions.Clear();
        Apply(template, input);
        // The template row is always updated (new version), so a concurrent edit is caught even when only children changed.
        db.Entry(template).State = EntityState.Modified;
        await PlanAccess.SaveAsync(db, "plan template", ct);
        return template.Version;
    }

    public async Task<int> CopyAsync(Caller caller, int templateId, string newName, CancellationToken ct = default)
    {
        var view = await GetAsync(caller, templateId, ct);
        return await CreateAsync(caller, view.Input with { Name = newName }, ct);
    }

    public async Task SetArchivedAsync(Caller caller, int templateId, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await LoadAsync(db, caller, templateId, ct);
        template.IsArchived = archived;
        await PlanAccess.SaveAsync(db, "plan template", ct);
    }

    internal static async Task<PlanTemplate> LoadAsync(AppDbContext db, Caller caller, int templateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        PlanAccess.RequireCoach(caller);
        var template = await db.PlanTemplates.Include(t => t.Blocks).Include(t => t.Sessions).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null || !PlanAccess.CanUse(db, caller, template.OwnerUserId, template.TeamId))
        {
            throw new NotFoundException("Plan template not found.");
        }

        return template;
    }

    internal static PlanTemplateView ToView(PlanTemplate t) => new(
        t.Id,
        new PlanTemplateInput
        {
            Name = t.Name,
            Sport = t.Sport,
            Description = t.Description,
            TeamId = t.TeamId,
            FirstWeekTss = t.FirstWeekTss,
            RampPercentPerWeek = t.RampPercentPerWeek,
            RecoveryEveryWeeks = t.RecoveryEveryWeeks,
            RecoveryWeekFactor = t.RecoveryWeekFactor,
            Blocks = t.Blocks.OrderBy(b => b.Order).Select(b => new PlanBlockInput(b.Phase, b.Weeks)).ToList(),
            Sessions = t.Sessions.OrderBy(s => s.WeekIndex).ThenBy(s => s.DayIndex).ThenBy(s => s.Id)
                .Select(s => new PlanSessionInput(s.WeekIndex, s.DayIndex, s.Title, s.Sport, s.Text)).ToList(),
        },
        t.IsArchived,
        t.Version,
        PlanWeeks.Of(t));

    private static void Apply(PlanTemplate template, PlanTemplateInput input)
    {
        template.Name = input.Name.Trim();
        template.Sport = input.Sport.Trim();
        template.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        template.FirstWeekTss = input.FirstWeekTss;
        template.RampPercentPerWeek = input.RampPercentPerWeek;
        template.RecoveryEveryWeeks = input.RecoveryEveryWeeks;
        template.RecoveryWeekFactor = input.RecoveryWeekFactor;
        var order = 0;
        foreach (var b in input.Blocks)
        {
            template.Blocks.Add(new PlanBlock { Order = order++, Phase = b.Phase, Weeks = b.Weeks });
        }

        foreach (var s in input.Sessions)
        {
            template.Sessions.Add(new PlanTemplateSession
            {
                WeekIndex = s.WeekIndex,
                DayIndex = s.DayIndex,
                Title = s.Title.Trim(),
                Sport = s.Sport.Trim(),
                Text = s.Text.Trim(),
            });
        }
    }

    private static void Validate(PlanTemplateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 120)
        {
            errors.Add(new ValidationError(nameof(input.Name), "A name of 1–120 characters is required."));
        }

        var weeks = input.Blocks.Sum(b => b.Weeks);
        if (input.Blocks.Count == 0 || input.Blocks.Any(b => b.Weeks < 1) || weeks > MaxWeeks)
        {
            errors.Add(new ValidationError(nameof(input.Blocks), $"At least one block of one week or more; {MaxWeeks} weeks at most in all."));
        }

        if (input.FirstWeekTss is < 0 or > 3000 || input.RampPercentPerWeek is < 0 or > 20 || input.RecoveryEveryWeeks is < 0 or > 12
            || input.RecoveryWeekFactor is < 0.2 or > 1)
        {
            errors.Add(new ValidationError(nameof(input.FirstWeekTss), "Week load 0–3000 TSS, ramp 0–20 %, recovery every 0–12 weeks at 20–100 % load."));
        }

        foreach (var (s, i) in input.Sessions.Select((s, i) => (s, i)))
        {
            if (s.WeekIndex < 0 || s.WeekIndex >= Math.Max(1, weeks) || s.DayIndex is < 0 or > 6)
            {
                errors.Add(new ValidationError($"Sessions[{i}]", $"Session {i + 1} lies outside the plan's weeks or days."));
            }
            else if (string.IsNullOrWhiteSpace(s.Title))
            {
                errors.Add(new ValidationError($"Sessions[{i}]", $"Session {i + 1} needs a title."));
            }
            else if (!WorkoutParser.TryParse(s.Text ?? "", out _, out var error))
            {
                errors.Add(new ValidationError($"Sessions[{i}]", $"Session {i + 1} ({s.Title}): {error!.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
