using System.Security.Cryptography;
using System.Text.Json;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Jobs;

/// <summary>
/// Uploads and training runs whose job server was killed mid-job, against real SQLite and a real Hangfire server.
/// The sweep runs only when a test calls it, so what a user sees before it is deterministic.
/// </summary>
public sealed class InterruptedWorkTests(InterruptedWorkTests.World fixture) : IClassFixture<InterruptedWorkTests.World>
{
    private const string RunFile = "fit/garmin-fenix-5-run.fit";
    private readonly PortalTestHost _world = fixture.Host;

    /// <summary>One host per class: Hangfire's static configuration outlives a disposed host.</summary>
    public sealed class World : IAsyncLifetime
    {
        public PortalTestHost Host { get; } = new();

        public async Task InitializeAsync()
        {
            Host.Settings["Jobs:RunServer"] = "true";
            Host.Settings["Jobs:Queues:0"] = "import";
            Host.Settings["Jobs:Queues:1"] = "gpu";
            Host.Settings["Jobs:WorkerCount"] = "2";
            Host.Settings["Jobs:SweepIntervalSeconds"] = "3600";
            Host.Settings["Models:IntraOpThreads"] = "2";
            await Host.InitializeAsync();
            await Host.Get<ModelDemoSeeder>().SeedUncheckedAsync(Host.TeamA, days: 200);
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    private DeadServer Dead => new(_world.Services.GetRequiredService<JobStorage>());

    private OrphanedJobSweep Sweep => _world.Services.GetRequiredService<OrphanedJobSweep>();

    [Fact]
    public async Task AnUploadWhoseServerDiedIsShownInterruptedAndRetryImportsItExactlyOnce()
    {
        var uploads = _world.Get<SessionImportService>();
        var fileId = await InterruptedUploadAsync(_world.AthleteAProfile, "run.fit", Corpus.Read(RunFile));

        var stuck = await uploads.GetAsync(_world.CoachA, fileId);
        Assert.True(stuck.IsInterrupted);
        Assert.True(stuck.CanRetry);
        Assert.Contains(await uploads.ListForAthleteAsync(_world.AthleteA, _world.AthleteAProfile), u => u.Id == fileId && u.CanRetry);

        await uploads.RetryAsync(_world.AthleteA, fileId);
        var done = await WaitForUploadAsync(fileId);

        Assert.Equal(UploadStatus.Imported, done.Status);
        Assert.False(done.CanRetry);
        Assert.Empty(Sweep.SweepOnce());
        await Task.Delay(1000);
        await using var db = _world.CreateDb();
        Assert.Equal(1, await db.TrainingSessions.CountAsync(s => s.SourceFileId == fileId));
    }

    [Fact]
    public async Task UploadingTheBytesOfAnInterruptedOriginalAgainQueuesTheOriginalInsteadOfRecordingADuplicate()
    {
        var bytes = Corpus.Read("fit/garmin-fenix-5-bike.fit");
        var fileId = await InterruptedUploadAsync(_world.TeamMateOfA, "bike.fit", bytes);

        var again = await _world.Get<SessionImportService>().UploadAsync(_world.CoachA, _world.TeamMateOfA, "bike (2).fit", bytes);

        Assert.Equal(fileId, again.Id);
        Assert.NotEqual(UploadStatus.Duplicate, again.Status);
        var done = await WaitForUploadAsync(fileId);
        Assert.Equal(UploadStatus.Imported, done.Status);
        await using var db = _world.CreateDb();
        Assert.Equal(1, await db.UploadedFiles.CountAsync(f => f.AthleteId == _world.TeamMateOfA && f.Sha256 == Sha256(bytes)));
        Assert.Equal(1, await db.TrainingSessions.CountAsync(s => s.SourceFileId == fileId));
    }

    [Fact]
    public async Task ACoachOfAnotherTeamCannotSeeOrRetryAnInterruptedUpload()
    {
        var fileId = await InterruptedUploadAsync(_world.AthleteAProfile, "walk.fit", Corpus.Read("fit/garmin-fenix-5-walk.fit"));

        await Assert.ThrowsAsync<NotFoundException>(() => _world.Get<SessionImportService>().RetryAsync(_world.CoachB, fileId));
        await Assert.ThrowsAsync<NotFoundException>(() => _world.Get<SessionImportService>().RetryAsync(_world.AthleteB, fileId));
        Assert.True((await _world.Get<SessionImportService>().GetAsync(_world.CoachA, fileId)).IsInterrupted);
    }

    [Fact]
    public async Task ATrainingRunWhoseServerDiedIsShownInterruptedAndTheSweepResumesItToOneVersion()
    {
        var models = _world.Get<ModelService>();
        var (runId, jobId) = await InterruptedRunAsync();

        Assert.True((await models.GetRunAsync(_world.CoachA, runId)).IsInterrupted);
        Assert.Contains(await models.ListRunsAsync(_world.CoachA, _world.TeamA), r => r.Id == runId && r.IsInterrupted);

        Assert.Contains(jobId, Sweep.SweepOnce());
        var run = await WaitForRunAsync(runId);

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
        Assert.False(run.IsInterrupted);
        await using var db = _world.CreateDb();
        Assert.Equal(1, await db.ModelVersions.CountAsync(v => v.TrainingRunId == runId));
    }

    [Fact]
    public async Task CancellingARunWhoseJobDiedMarksItCancelledAndTheSweepLeavesItAlone()
    {
        var models = _world.Get<ModelService>();
        var (runId, _) = await InterruptedRunAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => models.CancelAsync(_world.CoachB, runId));

        await models.CancelAsync(_world.CoachA, runId);

        var run = await models.GetRunAsync(_world.CoachA, runId);
        Assert.Equal(TrainingRunStatus.Cancelled, run.Status);
        Assert.False(run.IsInterrupted);
        Assert.Empty(Sweep.SweepOnce());
        await Task.Delay(1500);
        Assert.Equal(TrainingRunStatus.Cancelled, (await models.GetRunAsync(_world.CoachA, runId)).Status);
        await using var db = _world.CreateDb();
        Assert.False(await db.ModelVersions.AnyAsync(v => v.TrainingRunId == runId));
    }

    // An upload as a killed worker leaves it: bytes stored, row importing, job in Processing on the dead server.
    private async Task<int> InterruptedUploadAsync(int athleteId, string name, byte[] bytes)
    {
        var hash = Sha256(bytes);
        await _world.Get<IFileStore>().PutAsync(hash, bytes, CancellationToken.None);
        await using var db = _world.CreateDb();
        var file = new UploadedFile
        {
            AthleteId = athleteId,
            UploadedByUserId = _world.CoachA.UserId,
            OriginalName = name,
            SizeBytes = bytes.Length,
            Sha256 = hash,
            Status = UploadStatus.Importing,
        };
        db.UploadedFiles.Add(file);
        await db.SaveChangesAsync();
        var id = file.Id;
        file.JobId = Dead.Orphan(Job.FromExpression<SessionImportJob>(j => j.RunAsync(id, CancellationToken.None), JobQueues.Import));
        await db.SaveChangesAsync();
        return id;
    }

    // A run as a killed worker leaves it: running from its first epochs, job in Processing on the dead server.
    private async Task<(int RunId, string JobId)> InterruptedRunAsync()
    {
        var input = new TrainingRunInput { Target = ForecastTarget.Readiness, Architecture = ModelKind.GruForecaster, TeamId = _world.TeamA, WindowDays = 7, Epochs = 3, HiddenSize = 8 };
        await using var db = _world.CreateDb();
        var run = new TrainingRun
        {
            Target = input.Target,
            Architecture = input.Architecture,
            Scope = ModelScope.Team,
            TeamId = _world.TeamA,
            HyperParametersJson = JsonSerializer.Serialize(input),
            Status = TrainingRunStatus.Running,
            Epoch = 1,
            MaxEpochs = input.Epochs,
            RequestedByUserId = _world.CoachA.UserId,
            StartedUtc = DateTime.UtcNow,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        var id = run.Id;
        run.JobId = Dead.Orphan(Job.FromExpression<ModelTrainingJob>(j => j.RunAsync(id, CancellationToken.None), JobQueues.Gpu));
        await db.SaveChangesAsync();
        return (id, run.JobId);
    }

    private async Task<UploadView> WaitForUploadAsync(int fileId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        UploadView view;
        do
        {
            await Task.Delay(200);
            view = await _world.Get<SessionImportService>().GetAsync(_world.CoachA, fileId);
        }
        while (!view.IsFinished && DateTime.UtcNow < deadline);

        return view;
    }

    private async Task<TrainingRun> WaitForRunAsync(int runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        TrainingRun run;
        do
        {
            await Task.Delay(200);
            run = await _world.Get<ModelService>().GetRunAsync(_world.CoachA, runId);
        }
        while (run.Status is TrainingRunStatus.Queued or TrainingRunStatus.Running && DateTime.UtcNow < deadline);

        return run;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
