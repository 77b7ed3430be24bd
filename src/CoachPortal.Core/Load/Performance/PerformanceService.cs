using CoachPortal.Core.Athletes;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Load.Performance;

/// <summary>
/// Performance tests and injuries. Coaches enter them for their own teams' athletes (admins for anyone); the athlete
/// and their coaches read them.
/// </summary>
public sealed class PerformanceService(IDbContextFactory<AppDbContext> dbFactory, ChangeNotifier notifier, TimeProvider clock)
{
    public async Task<int> AddTestAsync(Caller caller, int athleteId, PerformanceTestInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireManageAsync(db, caller, athleteId, ct);
        ThrowIfInvalid(Validate(input, Today()));
        var kind = PerformanceTestKinds.Find(input.Kind);
        var test = new PerformanceTest
        {
            AthleteId = athleteId,
            Date = input.Date!.Value,
            Kind = kind?.Name ?? input.Kind!.Trim(),
            Unit = kind?.Unit ?? input.Unit!.Trim(),
            HigherIsBetter = kind?.HigherIsBetter ?? input.HigherIsBetter,
            Value = input.Value!.Value,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            EnteredByUserId = caller.UserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.PerformanceTests.Add(test);
        await db.SaveChangesAsync(ct);
        Publish(athlete);
        return test.Id;
    }

    public async Task<IReadOnlyList<PerformanceTest>> ListTestsAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireVisibleAsync(db, caller, athleteId, ct);
        return await db.PerformanceTests.AsNoTracking().Where(t => t.AthleteId == athleteId)
            .OrderBy(t => t.Kind).ThenBy(t => t.Date).ToListAsync(ct);
    }

    public async Task DeleteTestAsync(Caller caller, int testId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athleteId = await db.PerformanceTests.Where(t => t.Id == testId).Select(t => (int?)t.AthleteId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Test not found.");
        var athlete = await RequireManageAsync(db, caller, athleteId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.PerformanceTests.Where(t => t.Id == testId).ExecuteDeleteAsync(ct);
        await AuditLog.AddAsync(db, clock, AuditActions.Deletion, caller.UserId, $"athlete {athleteId}", $"performance test {testId}", ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Publish(athlete);
    }

    public async Task<int> AddInjuryAsync(Caller caller, int athleteId, InjuryInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireManageAsync(db, caller, athleteId, ct);
        ThrowIfInvalid(Validate(input, Today()));
        var injury = new Injury
        {
            AthleteId = athleteId,
            Kind = input.Kind,
            OnsetDate = input.OnsetDate!.Value,
            BodyArea = string.IsNullOrWhiteSpace(input.BodyArea) ? null : input.BodyArea.Trim(),
            Severity = input.Severity,
            DaysLost = input.DaysLost,
            ReturnDate = input.ReturnDate,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            EnteredByUserId = caller.UserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Injuries.Add(injury);
        await db.SaveChangesAsync(ct);
        Publish(athlete);
        return injury.Id;
    }

    public async Task<IReadOnlyList<Injury>> ListInjuriesAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireVisibleAsync(db, caller, athleteId, ct);
        return await db.Injuries.AsNoTracking().Where(i => i.AthleteId == athleteId).OrderByDescending(i => i.OnsetDate).ToListAsync(ct);
    }

    public async Task DeleteInjuryAsync(Caller caller, int injuryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athleteId = await db.Injuries.Where(i => i.Id == injuryId).Select(i => (int?)i.AthleteId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Injury not found.");
        var athlete = await RequireManageAsync(db, caller, athleteId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Injuries.Where(i => i.Id == injuryId).ExecuteDeleteAsync(ct);
        await AuditLog.AddAsync(db, clock, AuditActions.Deletion, caller.UserId, $"athlete {athleteId}", $"injury {injuryId}", ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Publish(athlete);
    }

    public static IReadOnlyList<ValidationError> Validate(PerformanceTestInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.Date is not { } date)
        {
            errors.Add(new ValidationError(nameof(input.Date), "The test date is required."));
        }
        else if (date > today.AddDays(1) || date < today.AddYears(-30))
        {
            errors.Add(new ValidationError(nameof(input.Date), "The test date must not be in the future."));
        }

        var known = PerformanceTestKinds.Find(input.Kind);
        if (string.IsNullOrWhiteSpace(input.Kind) || input.Kind.Trim().Length > 80)
        {
            errors.Add(new ValidationError(nameof(input.Kind), "Name the test (at most 80 characters)."));
        }
        else if (known is null && (string.IsNullOrWhiteSpace(input.Unit) || input.Unit.Trim().Length > 20))
        {
            errors.Add(new ValidationError(nameof(input.Unit), "Give the unit of this test (at most 20 characters), e.g. s, W, cm."));
        }

        if (input.Value is not { } value || !double.IsFinite(value) || value <= 0)
        {
            errors.Add(new ValidationError(nameof(input.Value), "The result must be a positive number."));
        }

        if (input.Notes?.Trim().Length > 500)
        {
            errors.Add(new ValidationError(nameof(input.Notes), "Notes have at most 500 characters."));
        }

        return errors;
    }

    public static IReadOnlyList<ValidationError> Validate(InjuryInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.OnsetDate is not { } onset)
        {
            errors.Add(new ValidationError(nameof(input.OnsetDate), "The date of onset is required."));
        }
        else if (onset > today.AddDays(1))
        {
            errors.Add(new ValidationError(nameof(input.OnsetDate), "The date of onset must not be in the future."));
        }
        else if (input.ReturnDate is { } back && back < onset)
        {
            errors.Add(new ValidationError(nameof(input.ReturnDate), "The return date must not precede the onset."));
        }

        if (input.DaysLost is { } lost && (lost < 0 || lost > 730))
        {
            errors.Add(new ValidationError(nameof(input.DaysLost), "Days lost must be between 0 and 730."));
        }

        if (input.BodyArea?.Trim().Length > 60)
        {
            errors.Add(new ValidationError(nameof(input.BodyArea), "Body area has at most 60 characters."));
        }

        if (input.Notes?.Trim().Length > 500)
        {
            errors.Add(new ValidationError(nameof(input.Notes), "Notes have at most 500 characters."));
        }

        return errors;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static void ThrowIfInvalid(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private void Publish(Athlete athlete)
    {
        notifier.Publish(Topics.Athlete(athlete.Id));
        notifier.Publish(Topics.Team(athlete.TeamId));
    }

    private static async Task<Athlete> RequireVisibleAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct) =>
        await db.VisibleAthletes(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct)
        ?? throw new NotFoundException("Athlete not found.");

    private static async Task<Athlete> RequireManageAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct)
    {
        var athlete = await RequireVisibleAsync(db, caller, athleteId, ct);
        if (!db.CanManageTeam(caller, athlete.TeamId))
        {
            throw new ForbiddenException("Only the athlete's coaches may enter tests and injuries.");
        }

        return athlete;
    }
}
