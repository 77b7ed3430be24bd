namespace CoachPortal.Ingest.Fit;

/// <summary>
/// One developer field of a data message. Its meaning (name, base type, units) comes from the field_description
/// message with the same developer data index and field number.
/// </summary>
public readonly ref struct FitDeveloperFieldView
{
    internal FitDeveloperFieldView(byte developerDataIndex, byte fieldNumber, ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        DeveloperDataIndex = developerDataIndex;
        FieldNumber = fieldNumber;
        Bytes = bytes;
        IsBigEndian = bigEndian;
    }

    /// <summary>Index of the developer_data_id message this field belongs to.</summary>
    public byte DeveloperDataIndex { get; }

    /// <summary>Developer field number (field_definition_number of the description).</summary>
    public byte FieldNumber { get; }

    /// <summary>Raw value bytes.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Whether the bytes are big-endian.</summary>
    public bool IsBigEndian { get; }

    /// <summary>Reads the first element as <paramref name="type"/>; NaN when invalid or too short.</summary>
    public double ReadDouble(FitBaseType type)
    {
        var t = FitBaseTypes.FromPublic(type);
        return Bytes.Length >= FitBaseTypes.Size(t) ? FitBaseTypes.ReadDouble(Bytes, t, IsBigEndian) : double.NaN;
    }
}
