namespace CoachPortal.Ingest.Fit;

/// <summary>Offset and base type of the first element of one field in a definition; offset -1 when absent.</summary>
internal readonly struct FieldSlot
{
    private readonly int _offset;
    private readonly byte _type;

    private FieldSlot(int offset, byte type)
    {
        _offset = offset;
        _type = type;
    }

    public static FieldSlot For(FitMessageDefinition def, byte number)
    {
        var i = def.IndexByNumber[number] - 1;
        if (i < 0 || def.Sizes[i] < FitBaseTypes.Size(def.Types[i]))
        {
            return new FieldSlot(-1, 0);
        }

        return new FieldSlot(def.Offsets[i], def.Types[i]);
    }

    public bool TryRead(ReadOnlySpan<byte> body, bool bigEndian, out long value)
    {
        if (_offset < 0)
        {
            value = 0;
            return false;
        }

        return FitBaseTypes.TryReadInteger(body[_offset..], _type, bigEndian, out value);
    }
}
