namespace CoachPortal.Ingest.Fit;

/// <summary>
/// A field value for <see cref="FitWriter"/>: raw (already scaled) integers, floats, or a string. Use the factory
/// methods; an absent value is written as the base type's invalid value by passing <see cref="Invalid"/>.
/// </summary>
public sealed class FitField
{
    private FitField(byte number, FitBaseType type, long[]? integers, double[]? floats, string? text, int size)
    {
        Number = number;
        Type = type;
        Integers = integers;
        Floats = floats;
        Text = text;
        Size = size;
    }

    /// <summary>Field number from the FIT profile.</summary>
    public byte Number { get; }

    /// <summary>Base type the field is written as.</summary>
    public FitBaseType Type { get; }

    /// <summary>Size in bytes in the definition.</summary>
    public int Size { get; }

    internal long[]? Integers { get; }

    internal double[]? Floats { get; }

    internal string? Text { get; }

    /// <summary>One integer (raw, already scaled) element.</summary>
    public static FitField Of(byte number, FitBaseType type, long raw) => OfArray(number, type, raw);

    /// <summary>An array of integer elements.</summary>
    public static FitField OfArray(byte number, FitBaseType type, params long[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var t = FitBaseTypes.FromPublic(type);
        if (t is FitBaseTypes.StringType or FitBaseTypes.Float32Type or FitBaseTypes.Float64Type)
        {
            throw new ArgumentException("use OfText or OfFloat for this base type", nameof(type));
        }

        return new FitField(number, type, raw, null, null, raw.Length * FitBaseTypes.Size(t));
    }

    /// <summary>An absent value: the base type's invalid value.</summary>
    public static FitField Invalid(byte number, FitBaseType type)
    {
        var t = FitBaseTypes.FromPublic(type);
        return new FitField(number, type, null, null, null, FitBaseTypes.Size(t));
    }

    /// <summary>A float32 or float64 element.</summary>
    public static FitField OfFloat(byte number, FitBaseType type, double value)
    {
        if (type is not (FitBaseType.Float32 or FitBaseType.Float64))
        {
            throw new ArgumentException("OfFloat needs Float32 or Float64", nameof(type));
        }

        return new FitField(number, type, null, [value], null, type == FitBaseType.Float32 ? 4 : 8);
    }

    /// <summary>
    /// A UTF-8 string, NUL-terminated when it fits in <paramref name="size"/> (default: its length + 1, at most 255);
    /// a string that fills the field exactly is written without terminator, as the protocol allows.
    /// </summary>
    public static FitField OfText(byte number, string text, int? size = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = System.Text.Encoding.UTF8.GetByteCount(text);
        var s = Math.Clamp(size ?? (length + 1), 1, 255);
        return new FitField(number, FitBaseType.String, null, null, text, s);
    }
}
