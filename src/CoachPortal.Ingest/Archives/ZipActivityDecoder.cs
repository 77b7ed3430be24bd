using System.IO.Compression;

namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Decodes a zip archive of FIT, TCX, GPX or CSV files. Limits (<see cref="ZipLimits"/>) are enforced on the bytes
/// actually inflated; entries whose names try to leave the archive (<c>..</c>, absolute paths) and nested archives
/// are refused.
/// </summary>
public static class ZipActivityDecoder
{
    /// <summary>
    /// Decodes every entry and merges the activities. In lenient mode a bad entry becomes a warning naming it; in
    /// strict mode it throws. Exceeding a limit always throws: the whole archive is refused.
    /// </summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        options ??= DecodeOptions.Default;
        var entries = DecodeEntries(data, options);
        var activities = new List<Activity>();
        var warnings = new List<DecodeWarning>();
        foreach (var e in entries)
        {
            if (e.Error is not null)
            {
                if (options.Strict)
                {
                    throw new ActivityFormatException(ActivityFileFormat.Zip, $"zip entry \"{e.EntryName}\": {e.Error.Message}", e.Error);
                }

                warnings.Add(new DecodeWarning(e.Error.Message, e.EntryName));
                continue;
            }

            activities.AddRange(e.Result!.Activities);
            foreach (var w in e.Result.Warnings)
            {
                warnings.Add(w with { Source = e.EntryName });
            }
        }

        return new DecodeResult(ActivityFileFormat.Zip, activities, warnings);
    }

    /// <summary>
    /// Decodes each entry on its own, so a caller can report every file of the archive separately. Throws
    /// <see cref="ActivityFormatException"/> only for an unreadable archive or an exceeded limit.
    /// </summary>
    public static unsafe IReadOnlyList<ArchiveEntryResult> DecodeEntries(ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        options ??= DecodeOptions.Default;
        if (data.IsEmpty)
        {
            throw new ActivityFormatException(ActivityFileFormat.Zip, "zip: the archive is empty.");
        }

        fixed (byte* p = data)
        {
            using var stream = new UnmanagedMemoryStream(p, data.Length);
            return DecodeEntries(stream, options);
        }
    }

    private static List<ArchiveEntryResult> DecodeEntries(Stream stream, DecodeOptions options)
    {
        var results = new List<ArchiveEntryResult>();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new ActivityFormatException(ActivityFileFormat.Zip, "zip: the archive is unreadable: " + e.Message, e);
        }

        try
        {
            ReadEntries(archive, options, results);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new ActivityFormatException(ActivityFileFormat.Zip, "zip: the archive is unreadable: " + e.Message, e);
        }
        finally
        {
            archive.Dispose();
        }

        return results;
    }

    private static void ReadEntries(ZipArchive archive, DecodeOptions options, List<ArchiveEntryResult> results)
    {
        var limits = options.Zip;
        {
            if (archive.Entries.Count > limits.MaxEntries)
            {
                throw new ActivityFormatException(ActivityFileFormat.Zip, $"zip: {archive.Entries.Count} entries exceed the limit of {limits.MaxEntries}.");
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName;
                if (name.EndsWith('/') || name.EndsWith('\\'))
                {
                    continue;
                }

                if (IsUnsafePath(name))
                {
                    results.Add(new ArchiveEntryResult(name, null, new ActivityFormatException(ActivityFileFormat.Zip, "refused: the entry name leaves the archive (absolute path or \"..\").")));
                    continue;
                }

                if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(new ArchiveEntryResult(name, null, new ActivityFormatException(ActivityFileFormat.Zip, "refused: nested archives are not accepted.")));
                    continue;
                }

                byte[] bytes;
                try
                {
                    bytes = Inflate(entry, limits, ref total);
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
                {
                    results.Add(new ArchiveEntryResult(name, null, new ActivityFormatException(ActivityFileFormat.Zip, "the entry is corrupt: " + e.Message, e)));
                    continue;
                }

                if (bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4)
                {
                    results.Add(new ArchiveEntryResult(name, null, new ActivityFormatException(ActivityFileFormat.Zip, "refused: nested archives are not accepted.")));
                    continue;
                }

                try
                {
                    results.Add(new ArchiveEntryResult(name, ActivityDecoder.Decode(name, bytes, options), null));
                }
                catch (ActivityFormatException e)
                {
                    results.Add(new ArchiveEntryResult(name, null, e));
                }
            }
        }
    }

    private static byte[] Inflate(ZipArchiveEntry entry, ZipLimits limits, ref long total)
    {
        // Sizes in the archive are claims: count what actually comes out.
        var allowedByRatio = (long)Math.Min(long.MaxValue / 2, Math.Max(entry.CompressedLength, 1024) * limits.MaxCompressionRatio);
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (total > limits.MaxTotalUncompressedBytes)
            {
                throw new ActivityFormatException(ActivityFileFormat.Zip, $"zip: the archive inflates beyond the limit of {limits.MaxTotalUncompressedBytes} bytes.");
            }

            if (output.Length + n > allowedByRatio)
            {
                throw new ActivityFormatException(ActivityFileFormat.Zip, $"zip: entry \"{entry.FullName}\" inflates more than {limits.MaxCompressionRatio}× its compressed size.");
            }

            output.Write(buffer, 0, n);
        }

        return output.ToArray();
    }

    private static bool IsUnsafePath(string name)
    {
        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length >= 2 && name[1] == ':'))
        {
            return true;
        }

        foreach (var part in name.Split('/', '\\'))
        {
            if (part == "..")
            {
                return true;
            }
        }

        return false;
    }
}
