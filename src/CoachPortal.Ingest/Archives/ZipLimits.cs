namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Limits that protect the decoder from zip bombs. They are checked against the bytes actually inflated, not the
/// sizes the archive claims.
/// </summary>
public sealed record ZipLimits
{
    /// <summary>1,000 entries, 512 MB in all, ratio 200: generous for a season of device files.</summary>
    public static ZipLimits Default { get; } = new();

    /// <summary>Most entries an archive may have (directories included). Default 1,000.</summary>
    public int MaxEntries { get; init; } = 1000;

    /// <summary>Most bytes all entries may inflate to. Default 512 MB; raising it raises peak memory.</summary>
    public long MaxTotalUncompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Most an entry may inflate relative to its compressed size. Default 200 (FIT compresses ~5×, XML ~10-20×);
    /// a zip bomb reaches 1,000× and more.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;
}
