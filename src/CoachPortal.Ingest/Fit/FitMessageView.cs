using System.Text;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// One data message, read in place from the input: no field is decoded until asked for. Values are raw (no scale or
/// offset); invalid values read as absent (<c>false</c> or NaN).
/// </summary>
public readonly ref struct FitMessageView
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly FitMessageDefinition _definition;

    internal FitMessageView(ReadOnlySpan<byte> bytes, FitMessageDefinition definition, uint timestamp, long byteOffset, int fileIndex)
    {
        _bytes = bytes;
        _definition = definition;
        Timestamp = timestamp;
        ByteOffset = byteOffset;
        FileIndex = fileIndex;
    }

    internal FitMessageDefinition Definition => _definition;

    /// <summary>Global message number (see <see cref="FitProfile.Messages"/>).</summary>
    public ushort GlobalMessageNumber => _definition.GlobalMessageNumber;

    /// <summary>
    /// The message time: its timestamp field, or the time given by a compressed-timestamp header; 0 when neither.
    /// </summary>
    public uint Timestamp { get; }

    /// <summary>Offset of the record header of this message in the input.</summary>
    public long ByteOffset { get; }

    /// <summary>Which file of a chain (0-based) the message belongs to.</summary>
    public int FileIndex { get; }

    /// <summary>Whether the definition stored this message's fields big-endian.</summary>
    public bool IsBigEndian => _definition.BigEndian;

    /// <summary>Number of profile fields in the message.</summary>
    public int FieldCount => _definition.FieldCount;

    /// <summary>Number of developer fields in the message.</summary>
    public int DeveloperFieldCount => _definition.DeveloperFieldCount;

    /// <summary>The raw bytes of the whole message (after the record header).</summary>
    public ReadOnlySpan<byte> RawBytes => _bytes;

    /// <summary>Field number of the <paramref name="index"/>-th field.</summary>
    public byte GetFieldNumber(int index) => _definition.Numbers[index];

    /// <summary>Base type of the <paramref name="index"/>-th field (Byte when its size did not fit the declared type).</summary>
    public FitBaseType GetFieldBaseType(int index) => FitBaseTypes.ToPublic(_definition.Types[index]);

    /// <summary>Raw bytes of the <paramref name="index"/>-th field.</summary>
    public ReadOnlySpan<byte> GetFieldBytesAt(int index) =>
        _bytes.Slice(_definition.Offsets[index], _definition.Sizes[index]);

    /// <summary>Whether the message defines field <paramref name="number"/> (its value may still be invalid).</summary>
    public bool HasField(byte number) => _definition.IndexByNumber[number] != 0;

    /// <summary>Raw bytes of field <paramref name="number"/>; empty when absent.</summary>
    public ReadOnlySpan<byte> GetFieldBytes(byte number)
    {
        var i = _definition.IndexByNumber[number] - 1;
        return i < 0 ? default : _bytes.Slice(_definition.Offsets[i], _definition.Sizes[i]);
    }

    /// <summary>Number of elements in field <paramref name="number"/> (arrays have more than one); 0 when absent.</summary>
    public int GetElementCount(byte number)
    {
        var i = _definition.IndexByNumber[number] - 1;
        return i < 0 ? 0 : _definition.Sizes[i] / FitBaseTypes.Size(_definition.Types[i]);
    }

    /// <summary>Reads element <paramref name="element"/> of an integer field (up to 32 bits); false when absent or invalid.</summary>
    public bool TryGetInteger(byte number, out long value, int element = 0)
    {
        var i = _definition.IndexByNumber[number] - 1;
        if (i >= 0)
        {
            var type = _definition.Types[i];
            var size = FitBaseTypes.Size(type);
            var at = element * size;
            if (at + size <= _definition.Sizes[i])
            {
                return FitBaseTypes.TryReadInteger(_bytes.Slice(_definition.Offsets[i] + at, size), type, _definition.BigEndian, out value);
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Element <paramref name="element"/> of field <paramref name="number"/> as a double; NaN when absent or invalid.</summary>
    public double GetDouble(byte number, int element = 0)
    {
        var i = _definition.IndexByNumber[number] - 1;
        if (i < 0)
        {
            return double.NaN;
        }

        var type = _definition.Types[i];
        var size = FitBaseTypes.Size(type);
        var at = element * size;
        return at + size <= _definition.Sizes[i]
            ? FitBaseTypes.ReadDouble(_bytes.Slice(_definition.Offsets[i] + at, size), type, _definition.BigEndian)
            : double.NaN;
    }

    /// <summary>Field <paramref name="number"/> scaled as the profile says: <c>raw / scale - offset</c>; NaN when absent or invalid.</summary>
    public double GetScaled(byte number, double scale, double offset = 0, int element = 0)
    {
        var raw = GetDouble(number, element);
        return raw / scale - offset;
    }

    /// <summary>A string field, up to its first NUL or to the end of the field when unterminated; null when absent or empty.</summary>
    public string? GetString(byte number)
    {
        var i = _definition.IndexByNumber[number] - 1;
        return i < 0 ? null : DecodeString(_bytes.Slice(_definition.Offsets[i], _definition.Sizes[i]));
    }

    /// <summary>Developer field <paramref name="index"/>: its developer data index, field number and raw bytes.</summary>
    public FitDeveloperFieldView GetDeveloperField(int index) =>
        new(_definition.DevIndexes[index], _definition.DevNumbers[index], _bytes.Slice(_definition.DevOffsets[index], _definition.DevSizes[index]), _definition.BigEndian);

    internal static string? DecodeString(ReadOnlySpan<byte> s)
    {
        var end = s.IndexOf((byte)0);
        if (end >= 0)
        {
            s = s[..end];
        }

        return s.IsEmpty ? null : Encoding.UTF8.GetString(s);
    }
}
