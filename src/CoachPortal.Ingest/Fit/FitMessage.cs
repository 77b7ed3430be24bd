namespace CoachPortal.Ingest.Fit;

/// <summary>A data message copied out of the input by <see cref="FitMessageCollector"/>; values are raw (unscaled).</summary>
/// <param name="GlobalMessageNumber">Global message number.</param>
/// <param name="Timestamp">Message time (field 253 or compressed header); 0 when none.</param>
/// <param name="ByteOffset">Offset of the record header in the input.</param>
/// <param name="Fields">Profile fields in definition order.</param>
/// <param name="DeveloperFields">Developer fields in definition order.</param>
public sealed record FitMessage(
    ushort GlobalMessageNumber,
    uint Timestamp,
    long ByteOffset,
    IReadOnlyList<FitFieldValue> Fields,
    IReadOnlyList<FitDeveloperFieldValue> DeveloperFields)
{
    /// <summary>First element of field <paramref name="number"/>; NaN when absent or invalid.</summary>
    public double GetValue(byte number, int element = 0)
    {
        foreach (var f in Fields)
        {
            if (f.Number == number)
            {
                return element < f.Values.Count ? f.Values[element] : double.NaN;
            }
        }

        return double.NaN;
    }

    /// <summary>String field <paramref name="number"/>; null when absent or empty.</summary>
    public string? GetText(byte number)
    {
        foreach (var f in Fields)
        {
            if (f.Number == number)
            {
                return f.Text;
            }
        }

        return null;
    }
}
