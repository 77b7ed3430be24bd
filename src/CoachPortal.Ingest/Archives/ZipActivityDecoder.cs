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

                try
                {
                    results.Add(DecodeEntry(entry.Open, entry.CompressedLength, name, options, ref total));
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
                {
                    results.Add(new ArchiveEntryResult(name, null, new ActivityFormatException(ActivityFileFormat.Zip, "the entry is corrupt: " + e.Message, e)));
                }
            }
        }
    }

    /// <summary>
    /// Inflates one entry within the limits (see <see cref="BoundedInflater"/>) and decodes it; a gzip entry
    /// (<c>ride.fit.gz</c>) is inflated once more, its ratio still measured against the entry's compressed size.
    /// Exceeding a limit throws; a nested archive or an undecodable entry becomes the entry's error.
    /// </summary>
    internal static ArchiveEntryResult DecodeEntry(Func<Stream> open, long compressedLength, string name, DecodeOptions options, ref long total)
    {
        PooledBytes bytes;
        try
        {
            bytes = BoundedInflater.Inflate(open, compressedLength, name, ActivityFileFormat.Zip, options.Zip, ref total);
        }
        catch (ActivityFormatException e) when (e is not ArchiveLimitException)
        {
            return new ArchiveEntryResult(name, null, e);
        }

        using (bytes)
        {
            try
            {
                if (BoundedInflater.IsGzip(bytes.Span))
                {
                    var innerName = BoundedInflater.InnerName(name);
                    using var inner = GzipActivityDecoder.Inflate(name, bytes.Span, compressedLength, options.Zip, ref total);
                    return new ArchiveEntryResult(name, GzipActivityDecoder.DecodeInner(innerName, inner.Span, options), null);
                }

                return new ArchiveEntryResult(name, ActivityDecoder.Decode(name, bytes.Span, options), null);
            }
            catch (ActivityFormatException e) when (e is not ArchiveLimitException)
            {
                return new ArchiveEntryResult(name, null, e);
            }
        }
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
