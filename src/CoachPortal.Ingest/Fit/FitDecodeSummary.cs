namespace CoachPortal.Ingest.Fit;

/// <summary>What <see cref="FitDecoder"/> read: the files of the chain, message counts and tolerated problems.</summary>
public sealed class FitDecodeSummary
{
    internal FitDecodeSummary(List<FitFileInfo> files, int messageCount, int recordCount, List<DecodeWarning> warnings)
    {
        Files = files;
        MessageCount = messageCount;
        RecordCount = recordCount;
        Warnings = warnings;
    }

    /// <summary>One entry per FIT file in the (possibly chained) input.</summary>
    public IReadOnlyList<FitFileInfo> Files { get; }

    /// <summary>Data messages delivered to the handler (definition messages not counted).</summary>
    public int MessageCount { get; }

    /// <summary>How many of them were record messages (global 20).</summary>
    public int RecordCount { get; }

    /// <summary>Problems tolerated in lenient mode; empty in strict mode (which throws instead).</summary>
    public IReadOnlyList<DecodeWarning> Warnings { get; }
}
