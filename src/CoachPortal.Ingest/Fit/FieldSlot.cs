using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Where the first element of one field lies in messages of one definition, and how to read it: size, sign and
/// invalid value are resolved once per definition so the per-message read is a load and a compare.
/// </summary>
internal readonly struct FieldSlot
{
    private readonly int _offset;
    private readonly byte _size;
    private readonly bool _signed;
    private readonly bool _bigEndian;
    private readonly byte _type;
    private readonly uint _invalid;

    private FieldSlot(int offset, byte size, bool signed, bool bigEndian, byte type, uint invalid)
    {
        _offset = offset;
        _size = size;
        _signed = signed;
        _bigEndian = bigEndian;
        _type = type;
        _invalid = invalid;
    }

    public static FieldSlot For(FitMessageDefinition def, byte number)
    {
        var i = def.IndexByNumber[number] - 1;
        if (i < 0 || def.Sizes[i] < FitBaseTypes.Size(def.Types[i]))
        {
            return new FieldSlot(-1, 0, false, false, 0, 0);
        }

        var type = def.Types[i];
        var (size, signed, invalid) = type switch
        {
            FitBaseTypes.EnumType or FitBaseTypes.UInt8Type or FitBaseTypes.ByteType => (1, false, 0xFFu),
            FitBaseTypes.UInt8zType => (1, false, 0u),
            FitBaseTypes.SInt8Type => (1, true, 0x7Fu),
            FitBaseTypes.UInt16Type => (2, false, 0xFFFFu),
            FitBaseTypes.UInt16zType => (2, false, 0u),
            FitBaseTypes.SInt16Type => (2, true, 0x7FFFu),
            FitBaseTypes.UInt32Type => (4, false, 0xFFFFFFFFu),
            FitBaseTypes.UInt32zType => (4, false, 0u),
            FitBaseTypes.SInt32Type => (4, true, 0x7FFFFFFFu),
            _ => (0, false, 0u), // 64-bit and float fields holding integers: the general reader.
        };
        return new FieldSlot(def.Offsets[i], (byte)size, signed, def.BigEndian, type, invalid);
    }

    // The plan comes from the same definition as the message, so the offset is inside the body.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(ReadOnlySpan<byte> body, out long value)
    {
        if (_offset < 0)
        {
            value = 0;
            return false;
        }

        ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(body), _offset);
        uint raw;
        switch (_size)
        {
            case 1:
                raw = at;
                if (raw == _invalid)
                {
                    value = 0;
                    return false;
                }

                value = _signed ? (sbyte)raw : raw;
                return true;
            case 2:
                raw = Unsafe.ReadUnaligned<ushort>(ref at);
                if (_bigEndian != !BitConverter.IsLittleEndian)
                {
                    raw = BinaryPrimitives.ReverseEndianness((ushort)raw);
                }

                if (raw == _invalid)
                {
                    value = 0;
                    return false;
                }

                value = _signed ? (short)raw : raw;
                return true;
            case 4:
                raw = Unsafe.ReadUnaligned<uint>(ref at);
                if (_bigEndian != !BitConverter.IsLittleEndian)
                {
                    raw = BinaryPrimitives.ReverseEndianness(raw);
                }

                if (raw == _invalid)
                {
                    value = 0;
                    return false;
                }

                value = _signed ? (int)raw : raw;
                return true;
            default:
                return FitBaseTypes.TryReadInteger(body[_offset..], _type, _bigEndian, out value);
        }
    }
}
