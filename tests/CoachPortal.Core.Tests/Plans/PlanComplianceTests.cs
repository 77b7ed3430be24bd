using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Compliance;

namespace CoachPortal.Core.Tests.Plans;

public sealed class PlanComplianceTests
{
    // A Wednesday: Monday and Tuesday are over, Wednesday is under way.
    private static readonly DateOnly s_today = new(2026, 3, 4);
    private static int s_nextId;

    private static PlannedSessionView Planned(DateOnly date, double tss = 50, string sport = SessionSports.Running, PlannedSessionStatus status = PlannedSessionStatus.Planned) =>
        new(Interlocked.Increment(ref s_nextId), 1, 7, "Ada Test", date, sport, "Run", "50m @Z2", 3000, tss, null, status, null, null, null, null, Guid.Empty);

    private static CompletedSessionView Done(DateOnly date, double? load = 50, string sport = SessionSports.Running, int seconds = 3000) =>
        new(Interlocked.Increment(ref s_nextId), 7, date, sport, null, seconds, load);

    private static WeeklyCompliance Week(IReadOnlyList<PlannedSessionView> planned, IReadOnlyList<CompletedSessionView> done) =>
        Assert.Single(PlanComplianceService.Evaluate(new PlanCalendarView(planned, done), s_today).Weeks);

    [Fact]
    public void TodaysUnfinishedSessionIsNotMissedUntilTheDayIsOver()
    {
        var today = Planned(s_today);
        var view = new PlanCalendarView([Planned(s_today.AddDays(-1)), today], [Done(s_today.AddDays(-1))]);

        var result = PlanComplianceService.Evaluate(view, s_today);

        Assert.Equal(100, Assert.Single(result.Weeks).Percent);
        Assert.Equal("grey", result.Sessions.Single(r => r.PlannedSessionId == today.Id).Colour);
    }

    [Fact]
    public void AWeekWithNothingDueYetReadsNoPlanRatherThanZero()
    {
        var week = Week([Planned(s_today), Planned(s_today.AddDays(2))], []);

        Assert.Null(week.Percent);
    }

    [Fact]
    public void ASessionOfTheSameSportDoneADayLateCountsForThePlannedOne()
    {
        var week = Week([Planned(s_today.AddDays(-2))], [Done(s_today.AddDays(-1))]);

        Assert.Equal(100, week.Percent);
        Assert.Equal(0, week.UnplannedSessions);
    }

    [Fact]
    public void AnotherSportOrTwoDaysOffDoesNotCountAndShowsAsUnplanned()
    {
        var week = Week([Planned(s_today.AddDays(-2))], [Done(s_today.AddDays(-2), sport: SessionSports.Cycling), Done(s_today)]);

        Assert.Equal(0, week.Percent);
        Assert.Equal(2, week.UnplannedSessions);
    }

    [Fact]
    public void ExtraSessionsAreCountedNotHeldAgainstThePlan()
    {
        var week = Week([Planned(s_today.AddDays(-1))], [Done(s_today.AddDays(-1)), Done(s_today.AddDays(-1), load: 20, seconds: 1200)]);

        Assert.Equal(100, week.Percent);
        Assert.Equal(1, week.UnplannedSessions);
    }

    [Fact]
    public void ADoneSessionWithoutALoadCountsByItsDuration()
    {
        var week = Week([Planned(s_today.AddDays(-1))], [Done(s_today.AddDays(-1), load: null, seconds: 2700)]);

        Assert.Equal(90, week.Percent);
    }
}
