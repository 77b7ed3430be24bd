using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Sessions.Files;

/// <summary>Keeps original files in the <see cref="StoredBlob"/> table, one row per distinct content.</summary>
public sealed class DatabaseFileStore(IDbContextFactory<AppDbContext> dbFactory) : IFileStore
{
    public async Task PutAsync(string sha256, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.StoredBlobs.AnyAsync(b => b.Sha256 == sha256, ct))
        {
            return;
        }

        db.StoredBlobs.Add(new StoredBlob { Sha256 = sha256, SizeBytes = content.Length, Content = content });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another upload of the same bytes may have stored them first; content-addressed, so theirs is ours.
            if (!await ExistsAsync(sha256, ct))
            {
                throw;
            }
        }
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredBlobs.Where(b => b.Sha256 == sha256).Select(b => b.Content).FirstOrDefaultAsync(ct);
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.StoredBlobs.Where(b => b.Sha256 == sha256).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> ExistsAsync(string sha256, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredBlobs.AnyAsync(b => b.Sha256 == sha256, ct);
    }
}
