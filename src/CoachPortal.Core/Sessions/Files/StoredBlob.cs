namespace CoachPortal.Core.Sessions.Files;

/// <summary>The bytes of an original file, when the database is the file store. One row per distinct content.</summary>
public class StoredBlob
{
    public string Sha256 { get; set; } = "";

    public long SizeBytes { get; set; }

    public byte[] Content { get; set; } = [];

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
