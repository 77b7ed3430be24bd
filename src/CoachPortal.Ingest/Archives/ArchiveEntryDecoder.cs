namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Decodes one entry of an export archive that is read entry by entry (a Strava or Garmin Connect export of a whole
/// history). The <see cref="ZipLimits"/> apply to this entry alone: an export of many gigabytes is fine as long as
/// each file in it is, so an entry that inflates past a limit is refused on its own and the others are kept.
/// </summary>
public static class ArchiveEntryDecoder
{
    /// <summary>Inflates the entry within the limits (a <c>.gz</c> entry twice) and decodes it by its own format.</summary>
    /// <param name="name">The entry's name; its extension (after any <c>.gz</c>) names the format.</param>
    /// <param name="open">Opens the entry's inflating stream; called twice (count, then fill).</param>
    /// <param name="compressedLength">Bytes the entry takes in the archive; the ratio limit is relative to it.</param>
    /// <param name="options">Null for <see cref="DecodeOptions.Default"/>.</param>
    public static ArchiveEntryResult Decode(string name, Func<Stream> open, long compressedLength, DecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        options ??= DecodeOptions.Default;
        long total = 0;
        try
        {
            return ZipActivityDecoder.DecodeEntry(open, compressedLength, name, options, ref total);
        }
        catch (ArchiveLimitException e)
        {
            return new ArchiveEntryResult(name, null, e);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return new ArchiveEntryResult(name, null, new ActivityFormatException(ActivityFileFormat.Zip, "the entry is corrupt: " + e.Message, e));
        }
    }

    /// <summary>True for the names of activity files, plain or gzip-compressed (<c>.fit</c>, <c>.tcx.gz</c>, <c>.gpx</c>…).</summary>
    public static bool IsActivityFile(string name)
    {
        var inner = BoundedInflater.InnerName(name);
        return inner.EndsWith(".fit", StringComparison.OrdinalIgnoreCase)
            || inner.EndsWith(".tcx", StringComparison.OrdinalIgnoreCase)
            || inner.EndsWith(".gpx", StringComparison.OrdinalIgnoreCase);
    }
}
