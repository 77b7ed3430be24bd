using System.IO.Compression;

namespace CoachPortal.Core.Media;

/// <summary>
/// Packs pose landmarks (frames × 33 × x, y, z, visibility) into one blob: each of the 132 channels is quantised to
/// 1/10,000 (x and y are fractions of the frame, so 0.1 px on a 1000-px frame), delta-encoded along time as zig-zag
/// varints and the whole Brotli-compressed. Consecutive frames move little, so most deltas take one byte.
/// </summary>
public static class KeypointCodec
{
    public const int ValuesPerFrame = 33 * 4;

    // Part of format 1: never change.
    private const byte Format = 1;
    private const double Scale = 10_000;

    public static byte[] Encode(ReadOnlySpan<float> values)
    {
        if (values.Length % ValuesPerFrame != 0)
        {
            throw new ArgumentException($"{values.Length} values are not whole frames of {ValuesPerFrame}.", nameof(values));
        }

        var frames = values.Length / ValuesPerFrame;
        using var raw = new MemoryStream((values.Length * 2) + 16);
        raw.WriteByte(Format);
        WriteVarint(raw, (ulong)frames);
        for (var c = 0; c < ValuesPerFrame; c++)
        {
            long last = 0;
            for (var f = 0; f < frames; f++)
            {
                var v = values[(f * ValuesPerFrame) + c];
                var q = float.IsFinite(v) ? (long)Math.Round(Math.Clamp(v, -100f, 100f) * Scale) : 0;
                WriteVarint(raw, ZigZag(q - last));
                last = q;
            }
        }

        using var packed = new MemoryStream();
        using (var brotli = new BrotliStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(brotli);
        }

        return packed.ToArray();
    }

    public static float[] Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var raw = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress))
        {
            brotli.CopyTo(raw);
        }

        var bytes = raw.GetBuffer().AsSpan(0, (int)raw.Length);
        var at = 0;
        if (bytes[at++] != Format)
        {
            throw new InvalidDataException("Unknown keypoint format.");
        }

        var frames = checked((int)ReadVarint(bytes, ref at));
        var values = new float[checked(frames * ValuesPerFrame)];
        for (var c = 0; c < ValuesPerFrame; c++)
        {
            long last = 0;
            for (var f = 0; f < frames; f++)
            {
                last += UnZigZag(ReadVarint(bytes, ref at));
                values[(f * ValuesPerFrame) + c] = (float)(last / Scale);
            }
        }

        return values;
    }

    private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));

    private static long UnZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static void WriteVarint(Stream s, ulong v)
    {
        while (v >= 0x80)
        {
            s.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        s.WriteByte((byte)v);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw new InvalidDataException("Keypoint data ends inside a number.");
            }

            var b = bytes[at++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException("Keypoint data holds an over-long number.");
    }
}
