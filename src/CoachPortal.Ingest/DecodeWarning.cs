namespace CoachPortal.Ingest;

/// <summary>
/// Something the decoder tolerated in lenient mode (bad CRC, truncated tail, unusable points) and that the user may
/// want to know about.
/// </summary>
/// <param name="Message">What was wrong and what the decoder did about it.</param>
/// <param name="Source">The archive entry or file name the warning belongs to, when known.</param>
/// <param name="ByteOffset">Offset in the input where it was found, when the format has one.</param>
public sealed record DecodeWarning(string Message, string? Source = null, long? ByteOffset = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = ByteOffset is { } o ? $" (byte {o})" : string.Empty;
        return Source is null ? Message + where : $"{Source}: {Message}{where}";
    }
}
