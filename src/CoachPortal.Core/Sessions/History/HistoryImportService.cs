using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Wellness;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// Imports an athlete's wellness and training-log history exported from another app. Only the athlete's coaches
/// (and administrators) import: mapping another app's scales is a coach's decision, and an athlete's own entries stay
/// "today only". Lines become check-ins and session-RPE sessions through the check-in's validator; the good lines of a
/// file are stored in one transaction, bad lines are reported by number, and lines already stored are skipped, so
/// importing the same file twice adds nothing. Existing check-ins are never overwritten. Start… queues a file as a
/// background job (the page's path); Import… stores it in the call (scripts, tests and the evaluation command).
/// </summary>
public sealed class HistoryImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    IBackgroundJobClient jobs,
    SessionChangePublisher changes,
    ChangeNotifier notifier,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions s_json = new() { Converters = { new JsonStringEnumConverter() } };

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
        var records = WellnessRecords(rows);
        var added = await AddWellnessAsync(db, athleteId, records, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            notifier.Publish(Topics.Athlete(athleteId));
            notifier.Publish(Topics.Team(athlete.TeamId));
        }

        return new HistoryImportResult(added, rows.Count(r => r.Value is not null) - added, rows.Count(r => r.IsEmpty), Errors(rows));
    }

    /// <summary>Imports a training log as session-RPE sessions; a session with the same start and length is already there.</summary>
    public async Task<HistoryImportResult> ImportSessionsAsync(Caller caller, int athleteId, string csv, SessionColumnMapping mapping, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireImportAsync(db, caller, athleteId, ct);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, athlete.TeamId, ct);
        var rows = Parse(() => HistoryCsvParser.ParseSessions(Checked(csv), mapping, zone));
        var records = SessionRecords(rows);
        var added = await AddSessionsAsync(db, athleteId, records, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        if (added.Count > 0)
        {
            changes.OnSessionsChanged(athleteId, DateOnly.FromDateTime(added.Min(s => s.StartUtc)));
        }

        return new HistoryImportResult(added.Count, rows.Count(r => r.Value is not null) - added.Count, rows.Count(r => r.IsEmpty), Errors(rows));
    }

    /// <summary>
    /// Stores the file and queues its import on the import queue (<see cref="HistoryImportJob"/>); returns the
    /// import's id for the progress view. The header and mapping are checked here, so a file that cannot be read at
    /// all is refused at once.
    /// </summary>
    public async Task<int> StartWellnessAsync(Caller caller, int athleteId, string fileName, string csv, WellnessColumnMapping mapping, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireImportAsync(db, caller, athleteId, ct);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, athlete.TeamId, ct);
        Parse(() => HistoryCsvParser.ParseWellness(HeaderOf(Checked(csv)), mapping, zone));
        return await QueueAsync(db, caller, athleteId, HistoryImportKind.Wellness, fileName, csv, JsonSerializer.Serialize(mapping, s_json), ct);
    }

    /// <inheritdoc cref="StartWellnessAsync"/>
    public async Task<int> StartSessionsAsync(Caller caller, int athleteId, string fileName, string csv, SessionColumnMapping mapping, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await RequireImportAsync(db, caller, athleteId, ct);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, athlete.TeamId, ct);
        Parse(() => HistoryCsvParser.ParseSessions(HeaderOf(Checked(csv)), mapping, zone));
        return await QueueAsync(db, caller, athleteId, HistoryImportKind.Sessions, fileName, csv, JsonSerializer.Serialize(mapping, s_json), ct);
    }

    /// <summary>A queued import with its progress, and its result and refused lines once it has finished.</summary>
    public async Task<HistoryImportView> GetAsync(Caller caller, int importId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.HistoryImports.AsNoTracking().Include(h => h.Errors).Include(h => h.Athlete).FirstOrDefaultAsync(h => h.Id == importId, ct);
        return import is null || !db.CanManageTeam(caller, import.Athlete!.TeamId)
            ? throw new NotFoundException("Import not found.")
            : HistoryImportView.From(import);
    }

    private async Task<int> QueueAsync(AppDbContext db, Caller caller, int athleteId, HistoryImportKind kind, string fileName, string csv, string mappingJson, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await files.PutAsync(sha256, bytes, ct);
        var import = new HistoryImport
        {
            AthleteId = athleteId,
            RequestedByUserId = caller.UserId,
            FileName = Path.GetFileName(fileName),
            Kind = kind,
            MappingJson = mappingJson,
            Sha256 = sha256,
            Status = HistoryImportStatus.Queued,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.HistoryImports.Add(import);
        await db.SaveChangesAsync(ct);

        import.JobId = jobs.Enqueue<HistoryImportJob>(JobQueues.Import, j => j.RunAsync(import.Id, CancellationToken.None));
        await db.SaveChangesAsync(ct);
        return import.Id;
    }

    internal static WellnessColumnMapping WellnessMappingOf(string json) =>
        JsonSerializer.Deserialize<WellnessColumnMapping>(json, s_json) ?? throw new FormatException("The stored wellness mapping is empty.");

    internal static SessionColumnMapping SessionMappingOf(string json) =>
        JsonSerializer.Deserialize<SessionColumnMapping>(json, s_json) ?? throw new FormatException("The stored session mapping is empty.");

    /// <summary>The check-ins a file holds: one per local day, the day's last good line winning.</summary>
    internal static List<KeyValuePair<DateOnly, WellnessInput>> WellnessRecords(IReadOnlyList<HistoryRow<WellnessInput>> rows)
    {
        var byDay = new Dictionary<DateOnly, WellnessInput>();
        foreach (var row in rows.Where(r => r.Value is not null))
        {
            byDay[row.Date!.Value] = row.Value!;
        }

        return [.. byDay];
    }

    /// <summary>The sessions a file holds, each start and length once, in file order.</summary>
    internal static List<ImportedSession> SessionRecords(IReadOnlyList<HistoryRow<ImportedSession>> rows)
    {
        var seen = new HashSet<(DateTime, int)>();
        return [.. rows.Where(r => r.Value is not null).Select(r => r.Value!).Where(s => seen.Add((s.StartUtc, s.DurationSeconds)))];
    }

    /// <summary>Adds the check-ins of days not stored yet (never overwriting one) to the context; returns how many.</summary>
    internal static async Task<int> AddWellnessAsync(AppDbContext db, int athleteId, IReadOnlyCollection<KeyValuePair<DateOnly, WellnessInput>> records, DateTime now, CancellationToken ct)
    {
        var days = records.Select(r => r.Key).ToList();
        var stored = (await db.WellnessCheckIns.Where(w => w.AthleteId == athleteId && days.Contains(w.Date)).Select(w => w.Date).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var (day, input) in records.Where(d => !stored.Contains(d.Key)))
        {
            var checkIn = new WellnessCheckIn { AthleteId = athleteId, Date = day, CreatedUtc = now, UpdatedUtc = now };
            input.ApplyTo(checkIn);
            db.WellnessCheckIns.Add(checkIn);
            added++;
        }

        return added;
    }

    /// <summary>Adds the sessions whose start and length are not stored yet to the context; returns them.</summary>
    internal static async Task<List<ImportedSession>> AddSessionsAsync(AppDbContext db, int athleteId, IReadOnlyCollection<ImportedSession> records, DateTime now, CancellationToken ct)
    {
        var added = new List<ImportedSession>();
        if (records.Count == 0)
        {
            return added;
        }

        var from = records.Min(s => s.StartUtc);
        var to = records.Max(s => s.StartUtc);
        var known = (await db.TrainingSessions.Where(s => s.AthleteId == athleteId && s.StartUtc >= from && s.StartUtc <= to)
            .Select(s => new { s.StartUtc, s.DurationSeconds }).ToListAsync(ct))
            .Select(s => (s.StartUtc, s.DurationSeconds)).ToHashSet();
        foreach (var session in records.Where(s => known.Add((s.StartUtc, s.DurationSeconds))))
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
                CreatedUtc = now,
            });
            added.Add(session);
        }

        return added;
    }

    /// <summary>Imports PMSys's wellness.csv and srpe.csv (either may be null) with <see cref="PmSysPreset"/>.</summary>
    public async Task<HistoryImportSummary> ImportPmSysAsync(Caller caller, int athleteId, string? wellnessCsv, string? sessionsCsv, CancellationToken ct = default)
    {
        var none = new HistoryImportResult(0, 0, 0, []);
        var wellness = wellnessCsv is null ? none : await ImportWellnessAsync(caller, athleteId, wellnessCsv, PmSysPreset.Wellness, ct);
        var sessions = sessionsCsv is null ? none : await ImportSessionsAsync(caller, athleteId, sessionsCsv, PmSysPreset.Sessions, ct);
        return new HistoryImportSummary(wellness, sessions);
    }

    /// <summary>Refuses, as the imports would, a caller who may not import this athlete's history (the page asks first).</summary>
    public async Task RequireCanImportAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireImportAsync(db, caller, athleteId, ct);
    }

    internal static async Task<Athlete> RequireImportAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        return db.CanManageTeam(caller, athlete.TeamId)
            ? athlete
            : throw new ForbiddenException("Only the athlete's coaches may import their history.");
    }

    // The header line alone: enough to check the columns and the mapping before the file is queued.
    private static string HeaderOf(string csv)
    {
        var end = csv.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? csv : csv[..end];
    }

    private static string Checked(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return csv.Length > MaxBytes
            ? throw new ValidationFailedException([new ValidationError("File", "The file is larger than 5 MB.")])
            : csv;
    }

    // An unusable header or mapping refuses the whole file, with the reason for the form.
    internal static IReadOnlyList<HistoryRow<T>> Parse<T>(Func<IReadOnlyList<HistoryRow<T>>> parse)
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

    internal static List<HistoryImportError> Errors<T>(IReadOnlyList<HistoryRow<T>> rows)
        where T : class =>
        [.. rows.SelectMany(r => r.Errors.Select(e => new HistoryImportError(r.Line, e)))];
}
