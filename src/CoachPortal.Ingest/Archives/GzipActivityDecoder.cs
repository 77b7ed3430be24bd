namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Decodes a gzip-compressed activity file (<c>ride.fit.gz</c>, <c>run.gpx.gz</c>, <c>swim.tcx.gz</c>) as the file
/// it holds, under the same <see cref="ZipLimits"/> as a zip entry. An archive inside is refused.
/// </summary>
public static class GzipActivityDecoder
{
    /// <summary>Inflates <paramref name="data"/> within the limits and decodes the content by its own format.</summary>
    /// <param name="fileName">The gzip file's name; without its <c>.gz</c> it names the content.</param>
    /// <param name="data">The whole gzip file.</param>
    /// <param name="options">Null for <see cref="DecodeOptions.Default"/>.</param>
    public static DecodeResult Decode(string? fileName, ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        options ??= DecodeOptions.Default;
        var innerName = BoundedInflater.InnerName(fileName);
        long total = 0;
        using var inner = Inflate(innerName, data, data.Length, options.Zip, ref total);
        return DecodeInner(innerName, inner.Span, options);
    }

    /// <summary>Inflates gzip bytes; the ratio limit is relative to <paramref name="compressedLength"/>.</summary>
    internal static unsafe PooledBytes Inflate(string name, ReadOnlySpan<byte> data, long compressedLength, ZipLimits limits, ref long total)
    {
        fixed (byte* p = data)
        {
            try
            {
                return BoundedInflater.Inflate(BoundedInflater.Gunzip(p, data.Length), compressedLength, name, ActivityFileFormat.Gzip, limits, ref total);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                throw new ActivityFormatException(ActivityFileFormat.Gzip, "gzip: the file is corrupt: " + e.Message, e);
            }
        }
    }

    /// <summary>Decodes inflated content; archives (gzip or zip) inside are refused.</summary>
    internal static DecodeResult DecodeInner(string name, ReadOnlySpan<byte> content, DecodeOptions options)
    {
        if (BoundedInflater.IsGzip(content) || BoundedInflater.IsZip(content))
        {
            throw new ActivityFormatException(ActivityFileFormat.Gzip, "refused: nested archives are not accepted.");
        }

        return ActivityDecoder.Decode(name, content, options);
    }
}
