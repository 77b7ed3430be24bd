namespace CoachPortal.Ingest.Fit;

/// <summary>Decodes a FIT activity file into normalised <see cref="Activity"/> objects (one per session).</summary>
public static class FitActivityDecoder
{
    /// <summary>
    /// Decodes <paramref name="data"/>. Strict mode throws <see cref="FitFormatException"/> on any protocol error;
    /// lenient mode keeps every complete message and returns the problems as warnings.
    /// </summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        var builder = new FitActivityBuilder();
        var handler = new Handler(builder);
        var summary = FitDecoder.Decode(data, ref handler, options);
        var activities = builder.Build();
        if (options?.Strict == true && builder.Warnings.Count > 0)
        {
            throw new FitFormatException(builder.Warnings[0].Message);
        }

        var warnings = summary.Warnings.ToList();
        warnings.AddRange(builder.Warnings);
        if (activities.Count == 0)
        {
            // Settings, workout, course and monitoring files decode cleanly but hold no activity.
            warnings.Add(new DecodeWarning($"FIT: the file holds no activity (file type {builder.FileType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})."));
        }

        return new DecodeResult(ActivityFileFormat.Fit, activities, warnings)
        {
            FitSummary = summary,
            Damage = DamageOf(summary),
        };
    }

    // A file whose data section was cut, stopped at a corrupt message or failed its CRC; the header's declared
    // data size is the measure of what the recording should have held.
    private static DecodeDamage? DamageOf(FitDecodeSummary summary)
    {
        if (summary.Files.Count == 0 || summary.Files.All(f => f.FileCrcValid))
        {
            return null;
        }

        var declared = summary.Files.Sum(f => (double)f.DataSize);
        var read = summary.Files.Sum(f => (double)Math.Min(f.DataBytesRead, f.DataSize));
        var reason = summary.Warnings.Count > 0 ? summary.Warnings[0].ToString() : "FIT: the file CRC does not match";
        return new DecodeDamage(declared > 0 ? read / declared : 0, reason);
    }

    internal static FitActivityBuilder DecodeToBuilder(ReadOnlySpan<byte> data, DecodeOptions? options, out FitDecodeSummary summary)
    {
        var builder = new FitActivityBuilder();
        var handler = new Handler(builder);
        summary = FitDecoder.Decode(data, ref handler, options);
        return builder;
    }

    private readonly struct Handler(FitActivityBuilder builder) : IFitMessageHandler
    {
        public void OnMessage(in FitMessageView message) => builder.OnMessage(in message);
    }
}
