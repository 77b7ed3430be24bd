using System.Globalization;
using CoachPortal.Core.Security;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Sessions.Archives;

/// <summary>
/// The folder where uploaded history archives wait for their import. An archive is written there as it streams in
/// (never held in memory), under a temporary name until it is complete, then renamed.
/// </summary>
public sealed class ArchiveStore(IOptions<ArchiveImportOptions> options, string dataDirectory)
{
    private const int CopyBufferBytes = 1 << 20;

    public string Folder { get; } = Path.Combine(dataDirectory, options.Value.Directory);

    public string PathOf(string storedName) => Path.Combine(Folder, Path.GetFileName(storedName));

    /// <summary>Copies <paramref name="content"/> to a new file; returns its name and size. Refuses more than the limit.</summary>
    public async Task<(string StoredName, long SizeBytes)> SaveAsync(Stream content, string displayName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Folder);
        var storedName = Guid.NewGuid().ToString("N") + ".zip";
        var partial = PathOf(storedName) + ".part";
        var limit = options.Value.MaxArchiveBytes;
        long size = 0;
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, FileOptions.Asynchronous))
            {
                var buffer = new byte[CopyBufferBytes];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > limit)
                    {
                        throw new ValidationFailedException([new ValidationError("File", string.Create(CultureInfo.InvariantCulture,
                            $"\"{displayName}\" is larger than the limit of {limit / 1073741824.0:0.#} GB for a history archive."))]);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }

            if (size == 0)
            {
                throw new ValidationFailedException([new ValidationError("File", $"\"{displayName}\" is empty.")]);
            }

            File.Move(partial, PathOf(storedName));
            return (storedName, size);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public void Delete(string storedName)
    {
        if (!string.IsNullOrEmpty(storedName))
        {
            File.Delete(PathOf(storedName));
        }
    }
}
