using System.Security.Cryptography;
using System.Text;

namespace CoachPortal.Core.Invitations;

/// <summary>Invitation secrets: 256 random bits, URL-safe; only their SHA-256 is ever stored.</summary>
internal static class InvitationTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Link(string portalUrl, string token) => $"{portalUrl.TrimEnd('/')}/invite/{token}";
}
