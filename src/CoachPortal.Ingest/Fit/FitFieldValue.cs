namespace CoachPortal.Ingest.Fit;

/// <summary>One field of a <see cref="FitMessage"/>: raw numeric elements (NaN = invalid) or text.</summary>
/// <param name="Number">Field number.</param>
/// <param name="BaseType">Base type as read (Byte when the size did not fit the declared type).</param>
/// <param name="Values">Numeric elements (empty for strings).</param>
/// <param name="Text">String value, up to the first NUL or the end of the field.</param>
public sealed record FitFieldValue(byte Number, FitBaseType BaseType, IReadOnlyList<double> Values, string? Text);
