using CoachPortal.Ingest.Archives;
using CoachPortal.Ingest.Csv;
using CoachPortal.Ingest.Fit;
using CoachPortal.Ingest.Gpx;
using CoachPortal.Ingest.Tcx;

namespace CoachPortal.Ingest;

/// <summary>
/// The single entry point for uploaded files: sniffs the format from the bytes (and the file name for CSV) and
/// decodes FIT, TCX, GPX, CSV, a gzip of one or a zip of them into normalised activities.
/// </summary>
public static class ActivityDecoder
{
    /// <summary>
    /// Decodes <paramref name="data"/>. Throws <see cref="ActivityFormatException"/> (or its subclass
    /// <see cref="FitFormatException"/>) when the input cannot be decoded, or — in strict mode — has any problem.
    /// </summary>
    /// <param name="fileName">Original file name; only its extension is used, and only when the bytes do not tell.</param>
    /// <param name="data">The whole file.</param>
    /// <param name="options">Null for <see cref="DecodeOptions.Default"/> (lenient).</param>
    public static DecodeResult Decode(string? fileName, ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        options ??= DecodeOptions.Default;
        return Detect(fileName, data) switch
        {
            ActivityFileFormat.Fit => FitActivityDecoder.Decode(data, options),
            ActivityFileFormat.Zip => ZipActivityDecoder.Decode(data, options),
            ActivityFileFormat.Gzip => GzipActivityDecoder.Decode(fileName, data, options),
            ActivityFileFormat.Tcx => TcxDecoder.Decode(data, options),
            ActivityFileFormat.Gpx => GpxDecoder.Decode(data, options),
            ActivityFileFormat.Csv => CsvActivityDecoder.Decode(data, options),
            _ => throw new ActivityFormatException(ActivityFileFormat.Unknown, $"Unrecognised file format{(fileName is null ? string.Empty : $" for \"{Path.GetFileName(fileName)}\"")}: not FIT, TCX, GPX, CSV, zip or gzip."),
        };
    }

    /// <summary>Reads <paramref name="stream"/> to its end and decodes it (see the span overload).</summary>
    public static DecodeResult Decode(string? fileName, Stream stream, DecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(fileName, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    /// <summary>Detects the format from the first bytes; the extension decides only for CSV (text without XML).</summary>
    public static ActivityFileFormat Detect(string? fileName, ReadOnlySpan<byte> data)
    {
        if (FitDecoder.IsFit(data))
        {
            return ActivityFileFormat.Fit;
        }

        if (BoundedInflater.IsZip(data))
        {
            return ActivityFileFormat.Zip;
        }

        if (BoundedInflater.IsGzip(data))
        {
            return ActivityFileFormat.Gzip;
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        var head = data[..Math.Min(data.Length, 4096)];
        if (head.IndexOf("<TrainingCenterDatabase"u8) >= 0)
        {
            return ActivityFileFormat.Tcx;
        }

        if (head.IndexOf("<gpx"u8) >= 0)
        {
            return ActivityFileFormat.Gpx;
        }

        return extension switch
        {
            ".FIT" => ActivityFileFormat.Fit,
            ".TCX" => ActivityFileFormat.Tcx,
            ".GPX" => ActivityFileFormat.Gpx,
            ".CSV" or ".TXT" => ActivityFileFormat.Csv,
            ".ZIP" => ActivityFileFormat.Zip,
            ".GZ" => ActivityFileFormat.Gzip,
            _ => ActivityFileFormat.Unknown,
        };
    }
}
