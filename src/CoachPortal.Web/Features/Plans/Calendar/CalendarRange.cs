using System.Globalization;
using CoachPortal.Analytics.Planning;
using CoachPortal.Web.Localization;

namespace CoachPortal.Web.Features.Plans.Calendar;

/// <summary>The days a calendar shows: whole Monday-first weeks around an anchor day, a month or a single week.</summary>
public sealed record CalendarRange(bool IsMonth, DateOnly Anchor)
{
    public DateOnly From => IsMonth
        ? PlanCalendar.WeekStart(new DateOnly(Anchor.Year, Anchor.Month, 1))
        : PlanCalendar.WeekStart(Anchor);

    public DateOnly To => IsMonth
        ? PlanCalendar.WeekStart(new DateOnly(Anchor.Year, Anchor.Month, 1).AddMonths(1).AddDays(-1)).AddDays(6)
        : From.AddDays(6);

    /// <summary>"December 2026" or "Week of 30/11/2026", in the reader's culture.</summary>
    public string Title(DisplayFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return IsMonth
            ? Anchor.ToString(format.Culture.DateTimeFormat.YearMonthPattern, format.Culture)
            : $"Week of {format.Date(From)}";
    }

    public CalendarRange Previous() => this with { Anchor = IsMonth ? Anchor.AddMonths(-1) : Anchor.AddDays(-7) };

    public CalendarRange Next() => this with { Anchor = IsMonth ? Anchor.AddMonths(1) : Anchor.AddDays(7) };

    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>The drop zone's name for a day; parsed back by <see cref="DayOf"/>.</summary>
    public static string ZoneOf(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DayOf(string zone) => DateOnly.ParseExact(zone, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
