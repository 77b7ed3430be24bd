using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Csv;
using CoachPortal.Ingest.Text;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// The mapping step for CSV uploads: previews a file under a mapping and remembers, per team and header line, the
/// mapping someone chose, so the next file with the same columns imports without asking.
/// </summary>
public sealed class CsvMappingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private const int PreviewRows = 5;
    private static readonly char[] s_delimiters = [',', ';', '\t'];

    /// <summary>Whether <paramref name="fileName"/> goes through the CSV decoder (by the same rule as the import).</summary>
    public static bool IsCsv(string fileName, byte[] content) => ActivityDecoder.Detect(fileName, content) == ActivityFileFormat.Csv;

    /// <summary>
    /// Previews <paramref name="content"/> for an athlete the caller may upload for, with <paramref name="mapping"/>,
    /// or else the team's remembered mapping for this header line, or else the recognised header names.
    /// </summary>
    public async Task<CsvPreview> PreviewAsync(Caller caller, int athleteId, byte[] content, CsvColumnMapping? mapping = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teamId = await db.VisibleAthletes(caller).Where(a => a.Id == athleteId).Select(a => (int?)a.TeamId).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("You may upload only for yourself or for athletes of the teams you coach.");
        var lines = Lines(content);
        if (lines.Count == 0)
        {
            return new CsvPreview([], [], mapping ?? new CsvColumnMapping(), "chosen", null, "The file is empty.");
        }

        var delimiter = mapping?.Delimiter ?? Delimiter(lines[0]);
        var headers = CsvActivityDecoder.SplitLine(lines[0], delimiter).Select(h => h.Trim()).ToList();
        var rows = lines.Skip(1).Take(PreviewRows).Select(l => (IReadOnlyList<string>)CsvActivityDecoder.SplitLine(l, delimiter)).ToList();
        var source = "chosen";
        if (mapping is null)
        {
            mapping = await RememberedAsync(db, teamId, lines[0], ct);
            source = mapping is null ? "recognised" : "remembered";
            mapping ??= CsvColumnMapping.Recognise(headers);
        }

        try
        {
            var result = CsvActivityDecoder.Decode(content, new DecodeOptions { Csv = mapping });
            if (result.Activities.Count == 0)
            {
                return new CsvPreview(headers, rows, mapping, source, null, "The file has no data rows.");
            }

            var activity = result.Activities[0];
            var summary = StreamStatistics.Summarise(activity) with { StartTimeUtc = activity.StartTimeUtc };
            var error = activity.StartTimeUtc is null ? "No start time: map an absolute time column, or give the start date and time." : null;
            return new CsvPreview(headers, rows, mapping, source, summary, error);
        }
        catch (ActivityFormatException ex)
        {
            return new CsvPreview(headers, rows, mapping, source, null, ex.Message);
        }
    }

    /// <summary>The team's remembered mapping for the header line of <paramref name="content"/>, if any.</summary>
    internal static async Task<CsvColumnMapping?> RememberedAsync(AppDbContext db, int teamId, byte[] content, CancellationToken ct)
    {
        var lines = Lines(content);
        return lines.Count == 0 ? null : await RememberedAsync(db, teamId, lines[0], ct);
    }

    /// <summary>Remembers <paramref name="mapping"/> for the team and the header line of <paramref name="content"/>.</summary>
    internal async Task RememberAsync(AppDbContext db, int teamId, byte[] content, CsvColumnMapping mapping, CancellationToken ct)
    {
        var lines = Lines(content);
        if (lines.Count == 0)
        {
            return;
        }

        var key = HeaderKey(lines[0]);
        var row = await db.TeamCsvMappings.FirstOrDefaultAsync(m => m.TeamId == teamId && m.HeaderHash == key, ct);
        if (row is null)
        {
            row = new TeamCsvMapping { TeamId = teamId, HeaderHash = key };
            db.TeamCsvMappings.Add(row);
        }

        row.HeaderLine = lines[0].Truncate(2000) ?? "";
        // The start time belongs to one file, not to every file with these columns.
        row.MappingJson = Serialize(mapping with { StartTimeUtc = null });
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>SHA-256 (hex) of the header line, trimmed, lower-case, without spaces around the cells.</summary>
    public static string HeaderKey(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        var cells = CsvActivityDecoder.SplitLine(headerLine.Trim(), Delimiter(headerLine)).Select(c => c.Trim().ToLowerInvariant());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', cells))));
    }

    public static string Serialize(CsvColumnMapping mapping) => JsonSerializer.Serialize(mapping);

    public static CsvColumnMapping? Deserialize(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<CsvColumnMapping>(json);

    private static async Task<CsvColumnMapping?> RememberedAsync(AppDbContext db, int teamId, string headerLine, CancellationToken ct)
    {
        var key = HeaderKey(headerLine);
        var json = await db.TeamCsvMappings.AsNoTracking().Where(m => m.TeamId == teamId && m.HeaderHash == key).Select(m => m.MappingJson).FirstOrDefaultAsync(ct);
        return Deserialize(json);
    }

    private static List<string> Lines(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        return [.. text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l)).Take(PreviewRows + 1)];
    }

    private static char Delimiter(string header) =>
        s_delimiters.OrderByDescending(c => header.Count(ch => ch == c)).First();
}
