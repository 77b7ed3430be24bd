using System.Buffers.Binary;

namespace CoachPortal.Ingest.Fit;

/// <summary>Sizes, invalid values and readers for the FIT base types, indexed by base-type number (0..16).</summary>
internal static class FitBaseTypes
{
    public const byte EnumType = 0;
    public const byte SInt8Type = 1;
    public const byte UInt8Type = 2;
    public const byte SInt16Type = 3;
    public const byte UInt16Type = 4;
    public const byte SInt32Type = 5;
    public const byte UInt32Type = 6;
    public const byte StringType = 7;
    public const byte Float32Type = 8;
    public const byte Float64Type = 9;
    public const byte UInt8zType = 10;
    public const byte UInt16zType = 11;
    public const byte UInt32zType = 12;
    public const byte ByteType = 13;
    public const byte SInt64Type = 14;
    public const byte UInt64Type = 15;
    public const byte UInt64zType = 16;

    private static readonly byte[] s_sizes = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

    /// <summary>Base-type number from the definition byte; unknown numbers are read as bytes.</summary>
    public static byte Normalise(byte declared)
    {
        var n = declared & 0x1F;
        return n <= UInt64zType ? (byte)n : ByteType;
    }

    public static int Size(byte type) => s_sizes[type];

    public static FitBaseType ToPublic(byte type) => type switch
    {
        EnumType => FitBaseType.Enum,
        SInt8Type => FitBaseType.SInt8,
        UInt8Type => FitBaseType.UInt8,
        SInt16Type => FitBaseType.SInt16,
        UInt16Type => FitBaseType.UInt16,
        SInt32Type => FitBaseType.SInt32,
        UInt32Type => FitBaseType.UInt32,
        StringType => FitBaseType.String,
        Float32Type => FitBaseType.Float32,
        Float64Type => FitBaseType.Float64,
        UInt8zType => FitBaseType.UInt8z,
        UInt16zType => FitBaseType.UInt16z,
        UInt32zType => FitBaseType.UInt32z,
        SInt64Type => FitBaseType.SInt64,
        UInt64Type => FitBaseType.UInt64,
        UInt64zType => FitBaseType.UInt64z,
        _ => FitBaseType.Byte,
    };

    public static byte FromPublic(FitBaseType type) => Normalise((byte)type);

    /// <summary>Reads one element as a double; NaN when the value is the type's invalid value.</summary>
    public static double ReadDouble(ReadOnlySpan<byte> s, byte type, bool bigEndian)
    {
        switch (type)
        {
            case EnumType:
            case UInt8Type:
            case ByteType:
                return s[0] == 0xFF ? double.NaN : s[0];
            case UInt8zType:
                return s[0] == 0 ? double.NaN : s[0];
            case SInt8Type:
                return s[0] == 0x7F ? double.NaN : (sbyte)s[0];
            case SInt16Type:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s);
                    return v == short.MaxValue ? double.NaN : v;
                }

            case UInt16Type:
            case UInt16zType:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
                    return v == (type == UInt16Type ? ushort.MaxValue : 0) ? double.NaN : v;
                }

            case SInt32Type:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s);
                    return v == int.MaxValue ? double.NaN : v;
                }

            case UInt32Type:
            case UInt32zType:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
                    return v == (type == UInt32Type ? uint.MaxValue : 0) ? double.NaN : v;
                }

            case Float32Type:
                {
                    var bits = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
                    return bits == uint.MaxValue ? double.NaN : BitConverter.UInt32BitsToSingle(bits);
                }

            case Float64Type:
                {
                    var bits = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
                    return bits == ulong.MaxValue ? double.NaN : BitConverter.UInt64BitsToDouble(bits);
                }

            case SInt64Type:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s);
                    return v == long.MaxValue ? double.NaN : v;
                }

            case UInt64Type:
            case UInt64zType:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
                    return v == (type == UInt64Type ? ulong.MaxValue : 0) ? double.NaN : v;
                }

            default:
                return s[0];
        }
    }

    /// <summary>Reads one integer element of up to 32 bits as a signed 64-bit value; false when invalid.</summary>
    public static bool TryReadInteger(ReadOnlySpan<byte> s, byte type, bool bigEndian, out long value)
    {
        switch (type)
        {
            case EnumType:
            case UInt8Type:
            case ByteType:
                value = s[0];
                return value != 0xFF;
            case UInt8zType:
                value = s[0];
                return value != 0;
            case SInt8Type:
                value = (sbyte)s[0];
                return value != 0x7F;
            case SInt16Type:
                value = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s);
                return value != short.MaxValue;
            case UInt16Type:
                value = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
                return value != ushort.MaxValue;
            case UInt16zType:
                value = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
                return value != 0;
            case SInt32Type:
                value = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s);
                return value != int.MaxValue;
            case UInt32Type:
                value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
                return value != uint.MaxValue;
            case UInt32zType:
                value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
                return value != 0;
            case SInt64Type:
            case UInt64Type:
            case UInt64zType:
                {
                    var d = ReadDouble(s, type, bigEndian);
                    value = double.IsNaN(d) ? 0 : (long)d;
                    return !double.IsNaN(d);
                }

            default:
                value = 0;
                return false;
        }
    }
}
