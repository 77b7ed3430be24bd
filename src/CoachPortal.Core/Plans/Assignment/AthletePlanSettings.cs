using CoachPortal.Analytics.Planning;
using CoachPortal.Core.Data;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>An athlete's availability for planned training and their calendar-feed secret.</summary>
public class AthletePlanSettings : IVersioned
{
    public int AthleteId { get; set; }

    /// <summary>Bit 0 = Monday … bit 6 = Sunday.</summary>
    public int AvailableDaysMask { get; set; } = 0x7F;

    /// <summary>Null for no limit.</summary>
    public int? MaxMinutesPerDay { get; set; }

    /// <summary>SHA-256 of the feed token, hex; null when no feed is issued or it was revoked.</summary>
    public string? FeedTokenHash { get; set; }

    public Guid Version { get; set; }

    public bool IsAvailable(DayOfWeek day) => (AvailableDaysMask & (1 << PlanCalendar.DayIndex(day))) != 0;
}
