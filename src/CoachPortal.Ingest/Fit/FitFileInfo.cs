namespace CoachPortal.Ingest.Fit;

/// <summary>What the header and CRC of one FIT file (one link of a chain) said.</summary>
/// <param name="ByteOffset">Offset of the file header in the input.</param>
/// <param name="HeaderSize">12 or 14 (other sizes ≥ 12 are accepted).</param>
/// <param name="ProtocolVersion">Protocol version byte (major in the high nibble).</param>
/// <param name="ProfileVersion">Profile version × 100.</param>
/// <param name="DataSize">Declared size of the data section.</param>
/// <param name="HeaderCrcValid">False only when the header has a non-zero CRC that does not match.</param>
/// <param name="FileCrcValid">False when the file CRC was missing or did not match.</param>
/// <param name="MessageCount">Data messages decoded from this file.</param>
public sealed record FitFileInfo(
    long ByteOffset,
    int HeaderSize,
    byte ProtocolVersion,
    ushort ProfileVersion,
    uint DataSize,
    bool HeaderCrcValid,
    bool FileCrcValid,
    int MessageCount)
{
    /// <summary>Bytes of the data section taken by complete messages; less than <see cref="DataSize"/> when the file was cut or decoding stopped early.</summary>
    public long DataBytesRead { get; init; }
}
