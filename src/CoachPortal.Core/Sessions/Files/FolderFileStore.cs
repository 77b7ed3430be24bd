using CoachPortal.Core.Sessions.Uploads;

namespace CoachPortal.Core.Sessions.Files;

/// <summary>
/// Keeps original files in a configured folder (<see cref="UploadOptions.FileStoreDirectory"/>), named by their
/// SHA-256 under a two-character fan-out folder. Written to a temporary name and moved, so a reader never sees half a file.
/// </summary>
public sealed class FolderFileStore(string root) : IFileStore
{
    public async Task PutAsync(string sha256, byte[] content, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public Task DeleteAsync(string sha256, CancellationToken ct)
    {
        File.Delete(PathOf(sha256));
        return Task.CompletedTask;
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case SHA-256 hex string.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256);
    }
}
