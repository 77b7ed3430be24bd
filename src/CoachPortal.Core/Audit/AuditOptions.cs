using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Audit;

/// <summary>Settings of the audit trail (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>
    /// Days an audit line is kept; older lines are deleted by a daily job. Default 730 (two years). Danger: too short
    /// a period loses the evidence a club may need to answer a data-protection request.
    /// </summary>
    [Range(30, 36_500)]
    public int RetentionDays { get; set; } = 730;
}
