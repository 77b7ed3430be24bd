using CoachPortal.Core.Teams.Roster;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Teams;

public sealed class RosterImportTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    private const string RosterWithOneBadLine =
        "first_name,last_name,birth_date,sex,sport,position,body_mass_kg,hr_max,hr_rest,lthr,ftp_watts,threshold_pace,email\n" +
        "Lena,Berg,2001-03-04,F,Running,800 m,55.2,198,44,181,,2:58,lena@example.com\n" +
        "Omar,Haddad,1999-11-30,M,Cycling,Road,71,190,48,170,310,,\n" +
        "Bad,Pulse,2000-01-01,M,Running,5 km,70,95,40,,,,\n" +
        "\"Quoted, Name\",Smith,,,Running,,,,,,,,\n";

    [Fact]
    public async Task GoodLinesAreImportedAndTheBadLineIsReportedByNumber()
    {
        var importId = await world.Get<RosterImportService>().StartAsync(world.CoachA, world.TeamA, "roster.csv", RosterWithOneBadLine);

        await world.Get<RosterImportJob>().RunAsync(importId, CancellationToken.None);

        var view = await world.Get<RosterImportService>().GetAsync(world.CoachA, importId);
        Assert.Equal(RosterImportStatus.Succeeded, view.Status);
        Assert.Equal(4, view.TotalRows);
        Assert.Equal(3, view.CreatedCount);
        var error = Assert.Single(view.Errors);
        Assert.Equal(4, error.LineNumber);
        Assert.Contains("HRmax", error.Message, StringComparison.Ordinal);
        await using var db = world.CreateDb();
        var created = await db.Athletes.Where(a => a.RosterImportId == importId).OrderBy(a => a.RosterLine).ToListAsync();
        Assert.Equal(["Berg", "Haddad", "Smith"], created.Select(a => a.LastName));
        Assert.Equal("Quoted, Name", created[2].FirstName);
        Assert.Equal(178, created[0].ThresholdPaceSecondsPerKm);
        Assert.All(created, a => Assert.Equal(world.TeamA, a.TeamId));
    }

    [Fact]
    public async Task ARetriedImportCreatesNoDuplicates()
    {
        var importId = await world.Get<RosterImportService>().StartAsync(world.CoachA, world.TeamA, "roster.csv", RosterWithOneBadLine);
        await world.Get<RosterImportJob>().RunAsync(importId, CancellationToken.None);

        // Simulate a crash after the athletes were written but before the job recorded success.
        await using (var db = world.CreateDb())
        {
            await db.RosterImports.Where(r => r.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RosterImportStatus.Running));
        }

        await world.Get<RosterImportJob>().RunAsync(importId, CancellationToken.None);

        await using var check = world.CreateDb();
        Assert.Equal(3, await check.Athletes.CountAsync(a => a.RosterImportId == importId));
        Assert.Equal(1, await check.RosterImportErrors.CountAsync(e => e.RosterImportId == importId));
    }

    [Fact]
    public async Task AFileWithoutTheRequiredColumnsFailsWithAClearReasonAndKeepsTheFile()
    {
        const string content = "name,team\nAda,A\n";
        var importId = await world.Get<RosterImportService>().StartAsync(world.CoachA, world.TeamA, "wrong.csv", content);

        await world.Get<RosterImportJob>().RunAsync(importId, CancellationToken.None);

        var view = await world.Get<RosterImportService>().GetAsync(world.CoachA, importId);
        Assert.Equal(RosterImportStatus.Failed, view.Status);
        Assert.Contains("first_name", view.FailureReason, StringComparison.Ordinal);
        await using var db = world.CreateDb();
        Assert.Equal(content, (await db.RosterImports.SingleAsync(r => r.Id == importId)).Content);
    }

    [Fact]
    public void SemicolonSeparatedFilesAndUnknownSexAreHandled()
    {
        var rows = RosterCsvParser.Parse("first_name;last_name;sex\nA;B;X\nC;D;f\n", new DateOnly(2026, 1, 1));

        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Input);
        Assert.Contains(rows[0].Errors, e => e.Contains("sex 'X'", StringComparison.Ordinal));
        Assert.Equal(CoachPortal.Core.Athletes.Sex.Female, rows[1].Input!.Sex);
        Assert.Equal(3, rows[1].LineNumber);
    }
}
