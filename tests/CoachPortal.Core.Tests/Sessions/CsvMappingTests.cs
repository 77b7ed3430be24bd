using System.Text;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Ingest.Csv;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Sessions;

public sealed class CsvMappingTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    private static readonly DateTime s_start = new(2026, 3, 14, 7, 30, 0, DateTimeKind.Utc);

    private static byte[] Ride(int minutes, int offsetWatts = 0) => Encoding.UTF8.GetBytes(
        "secs,hr,watts,cadence\n" + string.Concat(Enumerable.Range(0, minutes * 60).Select(i => $"{i},{130 + (i % 20)},{200 + offsetWatts + (i % 10)},{88}\n")));

    [Fact]
    public async Task ACsvWithRelativeSecondsFailsWithoutAMappingAndImportsWithOne()
    {
        var refused = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "ride.csv", Ride(20), null);
        Assert.Equal(UploadStatus.Failed, refused.Status);
        Assert.Contains("no start time", refused.FailureReason, StringComparison.Ordinal);

        var preview = await world.Get<CsvMappingService>().PreviewAsync(world.CoachA, world.TeamMateOfA, Ride(21));
        Assert.Equal(["secs", "hr", "watts", "cadence"], preview.Headers);
        Assert.Equal(5, preview.Rows.Count);
        Assert.False(preview.IsUsable);

        var mapping = new CsvColumnMapping { ElapsedSeconds = "secs", HeartRate = "hr", Power = "watts", Cadence = "cadence", StartTimeUtc = s_start, Sport = Ingest.Sport.Cycling };
        var chosen = await world.Get<CsvMappingService>().PreviewAsync(world.CoachA, world.TeamMateOfA, Ride(21), mapping);
        Assert.True(chosen.IsUsable);
        Assert.Equal(s_start, chosen.Summary!.StartTimeUtc);
        Assert.Equal(204.5, chosen.Summary.AvgPower!.Value, 0.5);

        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "ride-mapped.csv", Ride(21), mapping);
        Assert.Equal(UploadStatus.Imported, upload.Status);
        var session = (await world.Get<SessionQueryService>().GetAsync(world.CoachA, Assert.Single(upload.Entries).SessionId!.Value)).Session;
        Assert.Equal(s_start, session.StartUtc);
        Assert.Equal(SessionSports.Cycling, session.Sport);
        Assert.InRange(session.DurationSeconds, 21 * 60 - 2, 21 * 60);
        Assert.Equal(204.5, session.AvgPowerWatts!.Value, 0.5);
        Assert.NotNull(session.AvgHeartRateBpm);
    }

    [Fact]
    public async Task AMappingChosenByHandIsRememberedForTheTeamAndAppliedToTheNextFileWithTheSameHeader()
    {
        var mapping = new CsvColumnMapping { ElapsedSeconds = "secs", HeartRate = "hr", Power = "watts", Cadence = "cadence", StartTimeUtc = s_start.AddDays(1) };
        await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "first.csv", Ride(10, 30), mapping);

        var preview = await world.Get<CsvMappingService>().PreviewAsync(world.AthleteA, world.AthleteAProfile, Ride(11, 40));
        Assert.Equal("remembered", preview.Source);
        Assert.Equal("watts", preview.Mapping.Power);
        Assert.Null(preview.Mapping.StartTimeUtc);

        // Another team has no such mapping.
        var other = await world.Get<CsvMappingService>().PreviewAsync(world.CoachB, world.AthleteBProfile, Ride(11, 40));
        Assert.Equal("recognised", other.Source);
        await using var db = world.CreateDb();
        Assert.Equal(1, await db.TeamCsvMappings.CountAsync(m => m.TeamId == world.TeamA));
        Assert.Equal(0, await db.TeamCsvMappings.CountAsync(m => m.TeamId == world.TeamB));
    }

    [Fact]
    public async Task TheRememberedMappingIsAppliedByTheImportWithoutAsking()
    {
        var header = "t_rel;pulse_bpm;pwr\n";
        byte[] File(int minutes) => Encoding.UTF8.GetBytes(header + string.Concat(Enumerable.Range(0, minutes * 60).Select(i => $"{i};{140};{250}\n")));
        var mapping = new CsvColumnMapping { ElapsedSeconds = "t_rel", HeartRate = "pulse_bpm", Power = "pwr", StartTimeUtc = s_start.AddDays(5) };
        await UploadAndRunAsync(world.CoachA, world.AthleteAProfile, "a.csv", File(5), mapping);

        // The next file with these columns has a mapping but no start: it still needs one, and says so.
        var next = await UploadAndRunAsync(world.AthleteA, world.AthleteAProfile, "b.csv", File(6), null);
        Assert.Equal(UploadStatus.Failed, next.Status);
        Assert.Contains("no start time", next.FailureReason, StringComparison.Ordinal);

        var dated = Encoding.UTF8.GetBytes("time;pulse_bpm;pwr\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{s_start.AddDays(6).AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ};150;260\n")));
        var absolute = new CsvColumnMapping { Time = "time", HeartRate = "pulse_bpm", Power = "pwr" };
        await UploadAndRunAsync(world.CoachA, world.AthleteAProfile, "c.csv", dated, absolute);
        var again = Encoding.UTF8.GetBytes("time;pulse_bpm;pwr\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{s_start.AddDays(7).AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ};150;270\n")));
        var auto = await UploadAndRunAsync(world.AthleteA, world.AthleteAProfile, "d.csv", again, null);

        Assert.Equal(UploadStatus.Imported, auto.Status);
        var session = (await world.Get<SessionQueryService>().GetAsync(world.AthleteA, Assert.Single(auto.Entries).SessionId!.Value)).Session;
        Assert.Equal(270, session.AvgPowerWatts!.Value, 0.5);
        Assert.Equal(150, session.AvgHeartRateBpm);
    }

    [Fact]
    public async Task AnotherTeamsCoachCannotPreviewForAnAthleteTheyDoNotCoach()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => world.Get<CsvMappingService>().PreviewAsync(world.CoachB, world.TeamMateOfA, Ride(1)));
    }

    private async Task<UploadView> UploadAndRunAsync(Caller caller, int athleteId, string name, byte[] bytes, CsvColumnMapping? mapping)
    {
        var upload = await world.Get<SessionImportService>().UploadAsync(caller, athleteId, name, bytes, mapping);
        await world.Get<SessionImportJob>().RunAsync(upload.Id, CancellationToken.None);
        return await world.Get<SessionImportService>().GetAsync(caller, upload.Id);
    }
}
