using System.Diagnostics.CodeAnalysis;

namespace CoachPortal.Ingest.Text;

/// <summary>
/// Cuts text to a stored field's length. Here rather than in the portal because the FIT encoder needs it too and
/// the portal references this project; the engines reference nothing of the portal.
/// </summary>
public static class TextLimits
{
    /// <summary>
    /// The first <paramref name="maxLength"/> UTF-16 units of <paramref name="value"/> (null stays null). A cut
    /// that would split a surrogate pair drops its high half too, so the result is always valid text.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Truncate(this string? value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        var end = maxLength > 0 && char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..end];
    }
}
