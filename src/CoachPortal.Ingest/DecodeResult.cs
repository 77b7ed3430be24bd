using CoachPortal.Ingest.Fit;

namespace CoachPortal.Ingest;

/// <summary>The activities decoded from one input, with the problems tolerated on the way.</summary>
public sealed class DecodeResult
{
    /// <summary>Creates a result.</summary>
    public DecodeResult(ActivityFileFormat format, IReadOnlyList<Activity> activities, IReadOnlyList<DecodeWarning> warnings)
    {
        Format = format;
        Activities = activities;
        Warnings = warnings;
    }

    /// <summary>The detected format of the input.</summary>
    public ActivityFileFormat Format { get; }

    /// <summary>Decoded activities; a file can hold none (e.g. a FIT settings file), one, or several (multisport, GPX tracks, zip).</summary>
    public IReadOnlyList<Activity> Activities { get; }

    /// <summary>Problems tolerated in lenient mode. Empty means the file was clean.</summary>
    public IReadOnlyList<DecodeWarning> Warnings { get; }

    /// <summary>The creator the file names at its top (GPX <c>creator</c> attribute), when it has one.</summary>
    public string? Creator { get; init; }

    /// <summary>For FIT input: headers, CRC status and message counts.</summary>
    public FitDecodeSummary? FitSummary { get; init; }

    /// <summary>Set when the input was damaged and only part of it was recovered (lenient mode); null for a whole file.</summary>
    public DecodeDamage? Damage { get; init; }
}
