using Bunit;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Teams;
using CoachPortal.Web.Features.Sessions.History;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Components;

/// <summary>The history import page over the real service and a SQLite file.</summary>
public sealed class HistoryImportPageTests : DatabaseTestContext
{
    private const string WellnessCsv =
        "effective_time_frame,fatigue,mood,readiness,sleep_duration_h,sleep_quality,soreness,soreness_area,stress\n"
        + "2019-11-01T08:31:40.751Z,2,3,5,6,3,2,[12921003],3\n"
        + "2019-11-02T10:00:01.229Z,2,3,six,6,3,2,[12921003],3\n"
        + "2019-11-03T14:28:03.263Z,3,3,0,6,3,3,[],3\n";

    private readonly QueuedJobs _jobs = new();

    public HistoryImportPageTests()
    {
        Services.AddSingleton<SessionChangePublisher>();
        Services.AddSingleton<IFileStore>(sp => new DatabaseFileStore(sp.GetRequiredService<IDbContextFactory<AppDbContext>>()));
        Services.AddSingleton(_jobs);
        Services.AddSingleton<IBackgroundJobClient>(_jobs);
        Services.AddScoped<HistoryImportService>();
        Services.AddTransient<HistoryImportJob>();
        Services.AddLogging();
    }

    [Fact]
    public async Task APmSysFileIsPreviewedQueuedAndItsResultAndBadLineShown()
    {
        int athleteId;
        await using (var db = new AppDbContext(Options))
        {
            var team = new Team { Name = "History" };
            var athlete = new Athlete { FirstName = "Ada", LastName = "History" };
            team.Athletes.Add(athlete);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            athleteId = athlete.Id;
        }

        var cut = Render<HistoryImportPage>(p => p.Add(c => c.AthleteId, athleteId));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(WellnessCsv, "wellness.csv"));
        cut.Find("[data-testid=history-preview]").Click();
        cut.WaitForAssertion(() => Assert.Contains("readiness 0", cut.Find("[data-testid=history-preview-table]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Refused", cut.Find("[data-testid=history-preview-table]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=history-run]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Queued", cut.Find("[data-testid=history-status]").GetAttribute("data-status")));
        var importId = Assert.Single(_jobs.ImportIds);
        await Services.GetRequiredService<HistoryImportJob>().RunAsync(importId, CancellationToken.None);

        cut.WaitForAssertion(() => Assert.Contains("2 added", cut.Find("[data-testid=history-result]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Line 3:", cut.Find("[data-testid=history-errors]").TextContent, StringComparison.Ordinal);
        await using var check = new AppDbContext(Options);
        Assert.Equal(2, await check.WellnessCheckIns.CountAsync(w => w.AthleteId == athleteId));
    }

    /// <summary>Records what the page queues, so the test runs the job itself, as the import queue would.</summary>
    private sealed class QueuedJobs : IBackgroundJobClient
    {
        public List<int> ImportIds { get; } = [];

        public string Create(Job job, IState state)
        {
            ImportIds.Add((int)job.Args[0]!);
            return ImportIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

}
