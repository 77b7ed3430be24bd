using System.Buffers;
using System.IO.Compression;

namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Inflates a compressed stream within <see cref="ZipLimits"/> without holding more than what passes them. A first
/// pass counts the inflated bytes through one pooled buffer and refuses at the first byte past a limit, keeping
/// nothing; only an input that passes is inflated again, into a pooled array of exactly its size. A zip bomb thus
/// costs CPU up to its limit but no memory beyond the buffer; an honest file costs its size once.
/// </summary>
internal static class BoundedInflater
{
    private const int BufferBytes = 64 * 1024;

    /// <param name="open">Opens the inflating stream; called twice.</param>
    /// <param name="compressedLength">Bytes the input takes compressed; the ratio limit is relative to it.</param>
    /// <param name="name">The entry or file name, for messages.</param>
    /// <param name="format">The container, for messages and exceptions.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="total">Bytes inflated so far by the whole upload; increased, and checked against its limit.</param>
    public static PooledBytes Inflate(Func<Stream> open, long compressedLength, string name, ActivityFileFormat format, ZipLimits limits, ref long total)
    {
        var label = format == ActivityFileFormat.Gzip ? "gzip" : "zip";
        var allowedByRatio = (long)Math.Min(long.MaxValue / 2, Math.Max(compressedLength, 1024) * limits.MaxCompressionRatio);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        long length = 0;
        try
        {
            using (var input = open())
            {
                int n;
                while ((n = input.Read(buffer, 0, BufferBytes)) > 0)
                {
                    if (length == 0 && n >= 4 && IsZip(buffer))
                    {
                        throw new ActivityFormatException(format, "refused: nested archives are not accepted.");
                    }

                    length += n;
                    total += n;
                    if (total > limits.MaxTotalUncompressedBytes)
                    {
                        throw new ArchiveLimitException(format, $"{label}: the archive inflates beyond the limit of {limits.MaxTotalUncompressedBytes} bytes.");
                    }

                    if (length > allowedByRatio)
                    {
                        throw new ArchiveLimitException(format, $"{label}: \"{name}\" inflates more than {limits.MaxCompressionRatio}× its compressed size.");
                    }

                    if (length > Array.MaxLength)
                    {
                        throw new ArchiveLimitException(format, $"{label}: \"{name}\" is too large to decode.");
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var size = (int)length;
        var output = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            using var input = open();
            var read = 0;
            int n;
            while (read < size && (n = input.Read(output, read, size - read)) > 0)
            {
                read += n;
            }

            if (read != size || input.ReadByte() >= 0)
            {
                throw new InvalidDataException($"\"{name}\" inflated to a different size the second time.");
            }

            return new PooledBytes(output, size);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(output);
            throw;
        }
    }

    /// <summary>True when the bytes start with the gzip magic number (RFC 1952).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    /// <summary>True when the bytes start with a zip local file header.</summary>
    public static bool IsZip(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && data[0] == (byte)'P' && data[1] == (byte)'K' && data[2] == 3 && data[3] == 4;

    /// <summary>A gzip stream over bytes already in memory.</summary>
    public static unsafe Func<Stream> Gunzip(byte* data, int length) =>
        () => new GZipStream(new UnmanagedMemoryStream(data, length), CompressionMode.Decompress);

    /// <summary>The name a gzip file's content goes by: <c>ride.fit.gz</c> holds <c>ride.fit</c>.</summary>
    public static string InnerName(string? fileName)
    {
        var name = fileName ?? string.Empty;
        return name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
    }
}
