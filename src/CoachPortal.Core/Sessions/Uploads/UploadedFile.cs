using CoachPortal.Core.Athletes;
using CoachPortal.Core.Sessions.Files;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// An original file as uploaded, kept for audit and so a failed import can be retried after a decoder fix.
/// The bytes are in the configured <see cref="IFileStore"/>, named by their SHA-256.
/// </summary>
public class UploadedFile
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public string UploadedByUserId { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes; the store's key and the duplicate test.</summary>
    public string Sha256 { get; set; } = "";

    public UploadStatus Status { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>Warnings of a lenient decode (e.g. a truncated file whose complete records were kept).</summary>
    public string? Warnings { get; set; }

    /// <summary>Sessions this file produced (a zip gives one per entry).</summary>
    public int SessionCount { get; set; }

    /// <summary>For a duplicate: the earlier file with the same bytes.</summary>
    public int? DuplicateOfFileId { get; set; }

    public string? JobId { get; set; }

    /// <summary>For a CSV file: the column mapping chosen on upload (JSON of <see cref="Ingest.Csv.CsvColumnMapping"/>); null to use the team's remembered one or the header names.</summary>
    public string? CsvMappingJson { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime? FinishedUtc { get; set; }

    public List<UploadEntryResult> Entries { get; set; } = [];
}
