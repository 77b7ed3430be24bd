namespace CoachPortal.Core.Users;

/// <summary>The cultures the portal writes dates and numbers in; the first is the default.</summary>
public static class PortalCultures
{
    public const string Default = "en-GB";

    public static IReadOnlyList<string> Supported { get; } = [Default, "en-US", "de-DE", "fr-FR", "es-ES"];

    /// <summary>The supported culture with this name (any letter case), or null.</summary>
    public static string? Find(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
