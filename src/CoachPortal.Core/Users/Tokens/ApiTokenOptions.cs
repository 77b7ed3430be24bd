using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Users.Tokens;

/// <summary>Limits of personal access tokens for the REST API (section <c>Api</c>).</summary>
public sealed class ApiTokenOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Longest lifetime a user may give a token, in days. Default 365. A longer one keeps a leaked token useful for
    /// longer: the owner's only defence is to revoke it.
    /// </summary>
    [Range(1, 3650)]
    public int MaxLifetimeDays { get; set; } = 365;

    /// <summary>
    /// Requests one token may make per <see cref="WindowSeconds"/>. Default 120. Too high lets one script crowd out
    /// the pages; too low breaks sync clients that page through history.
    /// </summary>
    [Range(1, 100_000)]
    public int PermitsPerWindow { get; set; } = 120;

    /// <summary>Length of the fixed rate-limit window in seconds. Default 60.</summary>
    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
