using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Wellness;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// Imports an athlete's wellness and training-log history exported from another app. Only the athlete's coaches
/// (and administrators) import: mapping another app's scales is a coach's decision, and an athlete's own entries stay
/// "today only". Lines become check-ins and session-RPE sessions through the check-in's validator; the good lines of a
/// file are stored in one transaction, bad lines are reported by number, and lines already stored are skipped, so
/// importing the same file twice adds nothing. Existing check-ins are never overwritten.
/// </summary>
public sealed class HistoryImportService(IDbContextFactory<AppDbContext> dbFactory, SessionChangePublisher changes, ChangeNotifier notifier, TimeProvider clock)
{
    /// <summary>Largest file accepted (5 MB is decades of daily reports).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The first <paramref name="take"/> data lines of a wellness export as they would be imported.</summary>
    public async Task<IReadOnlyList<HistoryRow<WellnessInput>>> PreviewWellnessAsync(
        Caller caller, int athleteId, string csv, WellnessColumnMapping mapping, int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireImportAsync(db, caller, athleteId, ct);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, athlete.TeamId, ct);
        return [.. Parse(() => HistoryCsvParser.ParseWellness(Checked(csv), mapping, zone)).Take(take)];
    }

    /// <summary>The first <paramref name="take"/> data lines of a training log as they would be imported.</summary>
    public async Task<IReadOnlyList<HistoryRow<ImportedSession>>> PreviewSessionsAsync(
        Caller caller, int athleteId, string csv, SessionColumnMapping mapping, int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireImportAsync(db, caller, athleteId, ct);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, athlete.TeamId, ct);
        return [.. Parse(() => HistoryCsvParser.ParseSessions(Checked(csv), mapping, zone)).Take(take)];
    }

    /// <summary>Imports a wellness export: one check-in per local day, the day's last report winning within the file.</summary>
    public async Task<HistoryImportResult> ImportWellnessAsync(Caller caller, int athleteId, string csv, WellnessColumnMapping mapping, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireImportAsync(db, caller, athleteId, ct);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, athlete.TeamId, ct);
        var rows = Parse(() => HistoryCsvParser.ParseWellness(Checked(csv), mapping, zone));

        var errors = Errors(rows);
        var good = rows.Where(r => r.Value is not null).ToList();
        var byDay = new Dictionary<DateOnly, WellnessInput>();
        foreach (var row in good)
        {
            byDay[row.Date!.Value] = row.Value!;
        }

        var days = byDay.Keys.ToList();
        var stored = (await db.WellnessCheckIns.Where(w => w.AthleteId == athleteId && days.Contains(w.Date)).Select(w => w.Date).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var (day, input) in byDay.Where(d => !stored.Contains(d.Key)))
        {
            var checkIn = new WellnessCheckIn { AthleteId = athleteId, Date = day, CreatedUtc = now, UpdatedUtc = now };
            input.ApplyTo(checkIn);
            db.WellnessCheckIns.Add(checkIn);
            added++;
        }

        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            notifier.Publish(Topics.Athlete(athleteId));
            notifier.Publish(Topics.Team(athlete.TeamId));
        }

        return new HistoryImportResult(added, good.Count - added, rows.Count(r => r.IsEmpty), errors);
    }

    /// <summary>Imports a training log as session-RPE sessions; a session with the same start and length is already there.</summary>
    public async Task<HistoryImportResult> ImportSessionsAsync(Caller caller, int athleteId, string csv, SessionColumnMapping mapping, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireImportAsync(db, caller, athleteId, ct);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, athlete.TeamId, ct);
        var rows = Parse(() => HistoryCsvParser.ParseSessions(Checked(csv), mapping, zone));

        var good = rows.Where(r => r.Value is not null).Select(r => r.Value!).ToList();
        var known = new HashSet<(DateTime, int)>();
        if (good.Count > 0)
        {
            var from = good.Min(s => s.StartUtc);
            var to = good.Max(s => s.StartUtc);
            known = (await db.TrainingSessions.Where(s => s.AthleteId == athleteId && s.StartUtc >= from && s.StartUtc <= to)
                .Select(s => new { s.StartUtc, s.DurationSeconds }).ToListAsync(ct))
                .Select(s => (s.StartUtc, s.DurationSeconds)).ToHashSet();
        }

        var added = new List<ImportedSession>();
        foreach (var session in good.Where(s => known.Add((s.StartUtc, s.DurationSeconds))))
        {
            db.TrainingSessions.Add(new TrainingSession
            {
                AthleteId = athleteId,
                StartUtc = session.StartUtc,
                Sport = session.Sport,
                Title = session.Title,
                DurationSeconds = session.DurationSeconds,
                MovingSeconds = session.DurationSeconds,
                Rpe = session.Rpe,
                SessionRpeLoad = session.LoadAu,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
            added.Add(session);
        }

        await db.SaveChangesAsync(ct);
        if (added.Count > 0)
        {
            changes.OnSessionsChanged(athleteId, DateOnly.FromDateTime(added.Min(s => s.StartUtc)));
        }

        return new HistoryImportResult(added.Count, good.Count - added.Count, rows.Count(r => r.IsEmpty), Errors(rows));
    }

    /// <summary>Imports PMSys's wellness.csv and srpe.csv (either may be null) with <see cref="PmSysPreset"/>.</summary>
    public async Task<HistoryImportSummary> ImportPmSysAsync(Caller caller, int athleteId, string? wellnessCsv, string? sessionsCsv, CancellationToken ct = default)
    {
        var none = new HistoryImportResult(0, 0, 0, []);
        var wellness = wellnessCsv is null ? none : await ImportWellnessAsync(caller, athleteId, wellnessCsv, PmSysPreset.Wellness, ct);
        var sessions = sessionsCsv is null ? none : await ImportSessionsAsync(caller, athleteId, sessionsCsv, PmSysPreset.Sessions, ct);
        return new HistoryImportSummary(wellness, sessions);
    }

    private static async Task<Athlete> RequireImportAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        return db.CanManageTeam(caller, athlete.TeamId)
            ? athlete
            : throw new ForbiddenException("Only the athlete's coaches may import their history.");
    }

    private static string Checked(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return csv.Length > MaxBytes
            ? throw new ValidationFailedException([new ValidationError("File", "The file is larger than 5 MB.")])
            : csv;
    }

    // An unusable header or mapping refuses the whole file, with the reason for the form.
    private static IReadOnlyList<HistoryRow<T>> Parse<T>(Func<IReadOnlyList<HistoryRow<T>>> parse)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (FormatException ex)
        {
            throw new ValidationFailedException([new ValidationError("File", ex.Message)]);
        }
    }

    private static List<HistoryImportError> Errors<T>(IReadOnlyList<HistoryRow<T>> rows)
        where T : class =>
        [.. rows.SelectMany(r => r.Errors.Select(e => new HistoryImportError(r.Line, e)))];
}
