using System.Globalization;

namespace CoachPortal.Bench;

/// <summary>The commands' options: <c>--name value</c> anywhere in the arguments.</summary>
internal static class BenchArgs
{
    /// <summary>The value after <paramref name="name"/>, or null when it is not given.</summary>
    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static string Text(string[] args, string name, string fallback) => Text(args, name) ?? fallback;

    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
