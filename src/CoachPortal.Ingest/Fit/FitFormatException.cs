namespace CoachPortal.Ingest.Fit;

/// <summary>
/// A FIT file broke the protocol: bad header, CRC mismatch (strict mode), truncated data or an undefined local message.
/// </summary>
public sealed class FitFormatException : ActivityFormatException
{
    /// <summary>Creates an exception at <paramref name="byteOffset"/> (from the start of the input) for <paramref name="reason"/>.</summary>
    public FitFormatException(long byteOffset, string reason)
        : base(ActivityFileFormat.Fit, $"FIT: {reason} (byte {byteOffset})")
    {
        ByteOffset = byteOffset;
        Reason = reason;
    }

    /// <summary>Creates an exception at offset 0.</summary>
    public FitFormatException()
        : this(0, "invalid FIT data")
    {
    }

    /// <summary>Creates an exception at offset 0 for <paramref name="reason"/>.</summary>
    public FitFormatException(string reason)
        : this(0, reason)
    {
    }

    /// <summary>Creates an exception at offset 0 wrapping a cause.</summary>
    public FitFormatException(string reason, Exception innerException)
        : base(ActivityFileFormat.Fit, $"FIT: {reason}", innerException)
    {
        Reason = reason;
    }

    /// <summary>Offset in bytes from the start of the input where the problem was detected.</summary>
    public long ByteOffset { get; }

    /// <summary>What was wrong, without the offset.</summary>
    public string Reason { get; } = string.Empty;
}
