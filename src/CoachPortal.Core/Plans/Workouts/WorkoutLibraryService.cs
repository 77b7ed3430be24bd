using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Workouts;

/// <summary>The coaches' workout library: their own workouts and their teams'.</summary>
public sealed class WorkoutLibraryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<WorkoutView>> ListAsync(Caller caller, bool includeArchived = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        PlanAccess.RequireCoach(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = db.VisibleTeams(caller).Select(t => t.Id);
        return await db.Workouts.AsNoTracking()
            .Where(w => includeArchived || !w.IsArchived)
            .Where(w => caller.IsAdmin || w.OwnerUserId == caller.UserId || (w.TeamId != null && teams.Contains(w.TeamId.Value)))
            .OrderBy(w => w.Name)
            .Select(w => new WorkoutView(w.Id, w.TeamId, w.Name, w.Sport, w.Text, w.Description, w.IsArchived, w.Version))
            .ToListAsync(ct);
    }

    public async Task<int> CreateAsync(Caller caller, WorkoutInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        PlanAccess.RequireCoach(caller);
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.TeamId is { } teamId && !db.CanManageTeam(caller, teamId))
        {
            throw new ForbiddenException("Only the team's coaches may add to its library.");
        }

        var workout = new WorkoutDefinition { OwnerUserId = caller.UserId, TeamId = input.TeamId };
        Apply(workout, input);
        db.Workouts.Add(workout);
        await db.SaveChangesAsync(ct);
        return workout.Id;
    }

    public async Task<Guid> UpdateAsync(Caller caller, int workoutId, WorkoutInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workout = await LoadAsync(db, caller, workoutId, ct);
        db.Entry(workout).Property(w => w.Version).OriginalValue = expectedVersion;
        Apply(workout, input);
        await PlanAccess.SaveAsync(db, "workout", ct);
        return workout.Version;
    }

    public async Task SetArchivedAsync(Caller caller, int workoutId, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workout = await LoadAsync(db, caller, workoutId, ct);
        workout.IsArchived = archived;
        await PlanAccess.SaveAsync(db, "workout", ct);
    }

    private static async Task<WorkoutDefinition> LoadAsync(AppDbContext db, Caller caller, int workoutId, CancellationToken ct)
    {
        PlanAccess.RequireCoach(caller);
        var workout = await db.Workouts.FirstOrDefaultAsync(w => w.Id == workoutId, ct);
        if (workout is null || !PlanAccess.CanUse(db, caller, workout.OwnerUserId, workout.TeamId))
        {
            throw new NotFoundException("Workout not found.");
        }

        return workout;
    }

    private static void Apply(WorkoutDefinition workout, WorkoutInput input)
    {
        workout.Name = input.Name.Trim();
        workout.Sport = input.Sport.Trim();
        workout.Text = input.Text.Trim();
        workout.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
    }

    internal static void Validate(WorkoutInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 120)
        {
            errors.Add(new ValidationError(nameof(input.Name), "A name of 1–120 characters is required."));
        }

        if (string.IsNullOrWhiteSpace(input.Sport) || input.Sport.Length > 40)
        {
            errors.Add(new ValidationError(nameof(input.Sport), "Choose a sport."));
        }

        if (!WorkoutParser.TryParse(input.Text ?? "", out _, out var error))
        {
            errors.Add(new ValidationError(nameof(input.Text), error!.Message));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
