using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Sessions.Archives;

/// <summary>Section <c>HistoryArchives</c>: where uploaded history exports wait for their import, and their limits.</summary>
public sealed class ArchiveImportOptions
{
    public const string SectionName = "HistoryArchives";

    /// <summary>
    /// Folder for uploaded archives while they are imported (default <c>archives</c> under the data directory). It
    /// needs room for the largest export; every node that runs import jobs must see the same folder.
    /// </summary>
    [Required]
    public string Directory { get; set; } = "archives";

    /// <summary>Largest archive accepted, in bytes (default 20 GB; Strava exports of a decade are a few GB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxArchiveBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>
    /// Most bytes one file of the archive may inflate to (default 64 MB; a 12-hour FIT file is about 3 MB). The job
    /// holds one file at a time, so this bounds its memory; a larger file is refused on its own.
    /// </summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxEntryBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most bytes a nested zip (Garmin's <c>UploadedFiles_*.zip</c>) may take; it is copied to a temporary file. Default 8 GB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxNestedArchiveBytes { get; set; } = 8L * 1024 * 1024 * 1024;
}
