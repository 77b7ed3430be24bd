using System.Globalization;

namespace CoachPortal.Learning.Graphs;

/// <summary>A dimension: a known size, or a symbol such as "N" (the batch) that is fixed at run time.</summary>
internal readonly record struct Dim(long Value, string? Symbol)
{
    public bool IsKnown => Symbol is null;

    public bool IsOne => IsKnown && Value == 1;

    public static Dim Of(long value) => new(value, null);

    public static Dim Sym(string symbol) => new(-1, symbol);

    public static implicit operator Dim(long value) => Of(value);

    public static implicit operator Dim(int value) => Of(value);

    public static implicit operator Dim(string symbol) => Sym(symbol);

    public override string ToString() => IsKnown ? Value.ToString(CultureInfo.InvariantCulture) : Symbol!;
}
