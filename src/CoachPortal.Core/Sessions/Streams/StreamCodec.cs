using System.IO.Compression;

namespace CoachPortal.Core.Sessions.Streams;

/// <summary>
/// Packs <see cref="StreamColumns"/> into one blob: each column is quantised to integers at the precision the
/// devices record (heart rate 1 bpm, speed 1 mm/s, power 1 W, distance and altitude 1 cm, position 1e-7°),
/// delta-encoded as zig-zag varints (0 marks a missing sample), and the whole buffer is Brotli-compressed.
/// Deltas of smooth 1 Hz signals are mostly one byte, which Brotli then shrinks several-fold.
/// </summary>
public static class StreamCodec
{
    /// <summary>The layout written by <see cref="Encode"/>.</summary>
    public const int CurrentFormat = 1;

    // Column order and scale (stored integer = value × scale) are part of format 1: never reorder.
    // Measured on a 78-minute run: quality 5 gives 25.2 KB, 9 gives 25.0 KB at several times the CPU; 11 is slower still.
    private const int BrotliQuality = 5;
    private const int BrotliWindowBits = 22;

    private static readonly double[] s_scales = [1, 1000, 1, 10, 100, 100, 1e7, 1e7, 10];

    public static byte[] Encode(StreamColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var n = columns.Count;
        using var raw = new MemoryStream(n * 12 + 64);
        WriteVarint(raw, (ulong)n);
        long previous = 0;
        foreach (var t in columns.ElapsedSeconds)
        {
            WriteVarint(raw, ZigZag(t - previous));
            previous = t;
        }

        var all = Columns(columns);
        for (var c = 0; c < all.Length; c++)
        {
            var column = all[c];
            if (column is null || !HasValues(column))
            {
                raw.WriteByte(0);
                continue;
            }

            if (column.Length != n)
            {
                throw new ArgumentException($"Column {c} has {column.Length} samples, expected {n}.", nameof(columns));
            }

            raw.WriteByte(1);
            var scale = s_scales[c];
            long last = 0;
            foreach (var v in column)
            {
                if (double.IsNaN(v) || double.IsInfinity(v))
                {
                    raw.WriteByte(0);
                    continue;
                }

                var q = (long)Math.Round(v * scale);
                WriteVarint(raw, ZigZag(q - last) + 1);
                last = q;
            }
        }

        var source = raw.GetBuffer().AsSpan(0, (int)raw.Length);
        var destination = new byte[BrotliEncoder.GetMaxCompressedLength(source.Length)];
        if (!BrotliEncoder.TryCompress(source, destination, out var written, BrotliQuality, BrotliWindowBits))
        {
            throw new InvalidOperationException("Brotli compression of the streams failed.");
        }

        return destination.AsSpan(0, written).ToArray();
    }

    public static StreamColumns Decode(byte[] data, int format = CurrentFormat)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (format != CurrentFormat)
        {
            throw new NotSupportedException($"Stream format {format} is not known to this version.");
        }

        using var input = new MemoryStream(data, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        brotli.CopyTo(raw);
        var buffer = raw.GetBuffer();
        var position = 0;
        var n = checked((int)ReadVarint(buffer, ref position));
        var elapsed = new int[n];
        long t = 0;
        for (var i = 0; i < n; i++)
        {
            t += UnZigZag(ReadVarint(buffer, ref position));
            elapsed[i] = checked((int)t);
        }

        var decoded = new double[]?[s_scales.Length];
        for (var c = 0; c < decoded.Length; c++)
        {
            if (buffer[position++] == 0)
            {
                continue;
            }

            var column = new double[n];
            var scale = s_scales[c];
            long last = 0;
            for (var i = 0; i < n; i++)
            {
                var v = ReadVarint(buffer, ref position);
                if (v == 0)
                {
                    column[i] = double.NaN;
                    continue;
                }

                last += UnZigZag(v - 1);
                column[i] = last / scale;
            }

            decoded[c] = column;
        }

        return new StreamColumns
        {
            ElapsedSeconds = elapsed,
            HeartRateBpm = decoded[0],
            SpeedMetersPerSecond = decoded[1],
            PowerWatts = decoded[2],
            CadenceRpm = decoded[3],
            DistanceMeters = decoded[4],
            AltitudeMeters = decoded[5],
            Latitude = decoded[6],
            Longitude = decoded[7],
            TemperatureCelsius = decoded[8],
        };
    }

    private static double[]?[] Columns(StreamColumns s) =>
    [
        s.HeartRateBpm, s.SpeedMetersPerSecond, s.PowerWatts, s.CadenceRpm, s.DistanceMeters,
        s.AltitudeMeters, s.Latitude, s.Longitude, s.TemperatureCelsius,
    ];

    private static bool HasValues(double[] column)
    {
        foreach (var v in column)
        {
            if (!double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));

    private static long UnZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static void WriteVarint(MemoryStream s, ulong v)
    {
        while (v >= 0x80)
        {
            s.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        s.WriteByte((byte)v);
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            var b = buffer[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new InvalidDataException("Corrupt stream blob: varint too long.");
            }
        }
    }
}
