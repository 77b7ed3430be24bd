namespace CoachPortal.Core.Sessions.Files;

/// <summary>Where original upload bytes live, addressed by their SHA-256 (lower-case hex).</summary>
public interface IFileStore
{
    Task PutAsync(string sha256, byte[] content, CancellationToken ct);

    /// <summary>The bytes, or null when the store has none under this hash.</summary>
    Task<byte[]?> GetAsync(string sha256, CancellationToken ct);

    /// <summary>Removes the bytes stored under this hash, if any (erasure of personal data).</summary>
    Task DeleteAsync(string sha256, CancellationToken ct);
}
