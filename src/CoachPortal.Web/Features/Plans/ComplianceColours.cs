using System.Globalization;
using CoachPortal.Core.Plans.Compliance;
using MudBlazor;

namespace CoachPortal.Web.Features.Plans;

/// <summary>The compliance bands of <see cref="ComplianceMatcher.Colour"/> as MudBlazor colours.</summary>
public static class ComplianceColours
{
    public static Color Of(double? percent) => Of(percent is null ? "grey" : ComplianceMatcher.Colour(percent, isPast: true));

    public static Color Of(string colour) => colour switch
    {
        "green" => Color.Success,
        "amber" => Color.Warning,
        "red" => Color.Error,
        _ => Color.Default,
    };

    public static string Percent(double? percent) =>
        percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p:0} %") : "–";
}
