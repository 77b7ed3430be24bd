namespace CoachPortal.Ingest.Fit;

/// <summary>
/// The FIT CRC-16 (the FIT protocol document's nibble algorithm is CRC-16/ARC: reflected polynomial 0xA001, start 0),
/// computed here with a byte table.
/// </summary>
public static class FitCrc
{
    private static readonly ushort[] s_table = BuildTable();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = s_table;
        uint c = crc;
        foreach (var b in data)
        {
            c = (c >> 8) ^ table[(c ^ b) & 0xFF];
        }

        return (ushort)c;
    }

    /// <summary>CRC of <paramref name="data"/> from a zero start.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(0, data);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var c = (uint)i;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ 0xA001u : c >> 1;
            }

            table[i] = (ushort)c;
        }

        return table;
    }
}
