using System.Globalization;

namespace CoachPortal.Ingest;

/// <summary>
/// The input was damaged (cut short, stopped at a corrupt message, or failing its checksum) and only part of the
/// recording could be recovered. Today only FIT reports it: its header declares the size of the data section, so
/// <see cref="RecoveredFraction"/> is the share of declared data bytes taken by complete, decoded messages.
/// </summary>
/// <param name="RecoveredFraction">0 to 1: decoded data bytes over declared data bytes.</param>
/// <param name="Reason">The first problem found, as the decoder's warning says it.</param>
public sealed record DecodeDamage(double RecoveredFraction, string Reason)
{
    /// <summary>Whole percent recovered, rounded down so a cut file never reads 100 %.</summary>
    public int RecoveredPercent => (int)Math.Floor(Math.Clamp(RecoveredFraction, 0, 1) * 100);

    /// <summary>"damaged: N % of the recording recovered".</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"damaged: {RecoveredPercent} % of the recording recovered");
}
