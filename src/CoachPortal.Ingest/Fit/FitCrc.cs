using System.Buffers.Binary;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// The FIT CRC-16. The FIT protocol document's nibble algorithm is CRC-16/ARC (reflected polynomial 0xA001, start 0);
/// this computes it eight bytes at a time with sliced tables (Kounavis and Berry, 2005).
/// </summary>
public static class FitCrc
{
    private static readonly ushort[] s_tables = BuildTables();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var t = s_tables.AsSpan();
        uint c = crc;
        while (data.Length >= 8)
        {
            var lo = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            var hi = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = (uint)(t[(7 * 256) + (int)(lo & 0xFF)] ^ t[(6 * 256) + (int)((lo >> 8) & 0xFF)]
                ^ t[(5 * 256) + (int)((lo >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(lo >> 24)]
                ^ t[(3 * 256) + (int)(hi & 0xFF)] ^ t[(2 * 256) + (int)((hi >> 8) & 0xFF)]
                ^ t[256 + (int)((hi >> 16) & 0xFF)] ^ t[(int)(hi >> 24)]);
            data = data[8..];
        }

        foreach (var b in data)
        {
            c = (c >> 8) ^ t[(int)((c ^ b) & 0xFF)];
        }

        return (ushort)c;
    }

    /// <summary>CRC of <paramref name="data"/> from a zero start.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(0, data);

    private static ushort[] BuildTables()
    {
        var t = new ushort[8 * 256];
        for (var i = 0; i < 256; i++)
        {
            var c = (uint)i;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ 0xA001u : c >> 1;
            }

            t[i] = (ushort)c;
        }

        for (var k = 1; k < 8; k++)
        {
            for (var i = 0; i < 256; i++)
            {
                var prev = t[((k - 1) * 256) + i];
                t[(k * 256) + i] = (ushort)((prev >> 8) ^ t[prev & 0xFF]);
            }
        }

        return t;
    }
}
