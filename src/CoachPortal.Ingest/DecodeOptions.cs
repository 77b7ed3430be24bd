using CoachPortal.Ingest.Archives;
using CoachPortal.Ingest.Csv;

namespace CoachPortal.Ingest;

/// <summary>Options shared by every decoder.</summary>
public sealed record DecodeOptions
{
    /// <summary>The portal's default: lenient, default zip limits, CSV columns recognised by header name.</summary>
    public static DecodeOptions Default { get; } = new();

    /// <summary>
    /// Strict mode turns every tolerated problem (bad CRC, truncated data, points without time) into an
    /// <see cref="ActivityFormatException"/>. Default false: keep every complete record and report a
    /// <see cref="DecodeWarning"/>; the danger of true is refusing files that devices really produce.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Limits applied to zip archives (entry count, sizes, compression ratio).</summary>
    public ZipLimits Zip { get; init; } = ZipLimits.Default;

    /// <summary>How CSV columns map to streams; null means "recognise common header names".</summary>
    public CsvColumnMapping? Csv { get; init; }
}
