namespace CoachPortal.Ingest.Fit;

#pragma warning disable CA1720 // The member names are the FIT profile's base-type names.

/// <summary>FIT base types (the low 5 bits of the base-type byte are the type number).</summary>
public enum FitBaseType : byte
{
    /// <summary>1-byte enumeration, invalid 0xFF.</summary>
    Enum = 0x00,

    /// <summary>Signed 8-bit, invalid 0x7F.</summary>
    SInt8 = 0x01,

    /// <summary>Unsigned 8-bit, invalid 0xFF.</summary>
    UInt8 = 0x02,

    /// <summary>Signed 16-bit, invalid 0x7FFF.</summary>
    SInt16 = 0x83,

    /// <summary>Unsigned 16-bit, invalid 0xFFFF.</summary>
    UInt16 = 0x84,

    /// <summary>Signed 32-bit, invalid 0x7FFFFFFF.</summary>
    SInt32 = 0x85,

    /// <summary>Unsigned 32-bit, invalid 0xFFFFFFFF.</summary>
    UInt32 = 0x86,

    /// <summary>Null-terminated UTF-8 string (the terminator may be missing when the string fills the field).</summary>
    String = 0x07,

    /// <summary>IEEE 754 single, invalid all bits set.</summary>
    Float32 = 0x88,

    /// <summary>IEEE 754 double, invalid all bits set.</summary>
    Float64 = 0x89,

    /// <summary>Unsigned 8-bit where 0 is invalid.</summary>
    UInt8z = 0x0A,

    /// <summary>Unsigned 16-bit where 0 is invalid.</summary>
    UInt16z = 0x8B,

    /// <summary>Unsigned 32-bit where 0 is invalid.</summary>
    UInt32z = 0x8C,

    /// <summary>Raw bytes, invalid when every byte is 0xFF.</summary>
    Byte = 0x0D,

    /// <summary>Signed 64-bit, invalid 0x7FFFFFFFFFFFFFFF.</summary>
    SInt64 = 0x8E,

    /// <summary>Unsigned 64-bit, invalid all bits set.</summary>
    UInt64 = 0x8F,

    /// <summary>Unsigned 64-bit where 0 is invalid.</summary>
    UInt64z = 0x90,
}

#pragma warning restore CA1720
