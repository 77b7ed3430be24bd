using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>Section <c>Uploads</c>: limits and storage of uploaded device files.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>
    /// Largest file accepted, in bytes (default 50 MB; a 12-hour FIT file is about 3 MB). Larger limits let one
    /// upload hold a lot of server memory while it is read.
    /// </summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Folder for original files, outside the web root (default empty: the files are stored in the database).
    /// Relative paths are taken from the data directory. Every node must see the same folder.
    /// </summary>
    public string? FileStoreDirectory { get; set; }
}
