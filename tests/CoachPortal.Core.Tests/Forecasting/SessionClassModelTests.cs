using System.Text.Json;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>
/// The session CNN end to end against real SQLite, a real Hangfire server on the gpu queue and ONNX Runtime on the
/// CPU: labelled demo sessions with streams → queued run → version with metrics next to the baselines → promoted →
/// scoring writes a predicted class for the unlabelled sessions. And who may label, train and read.
/// </summary>
public sealed class SessionClassModelTests(SessionClassModelTests.World fixture, ITestOutputHelper output) : IClassFixture<SessionClassModelTests.World>
{
    private readonly PortalTestHost _world = fixture.Host;

    /// <summary>One host per class: Hangfire's static configuration outlives a disposed host.</summary>
    public sealed class World : IAsyncLifetime
    {
        public PortalTestHost Host { get; } = new();

        public async Task InitializeAsync()
        {
            Host.Settings["Jobs:RunServer"] = "true";
            Host.Settings["Jobs:Queues:0"] = "gpu";
            Host.Settings["Models:IntraOpThreads"] = "2";
            await Host.InitializeAsync();
            await Host.Get<DemoSessionSeeder>().SeedAsync("Team A", days: 182);
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    private TrainingRunInput Cnn(int teamId) => new()
    {
        Target = ForecastTarget.SessionClass,
        Architecture = ModelKind.SessionCnn,
        TeamId = teamId,
        Epochs = 20,
        HiddenSize = 16,
        BatchSize = 32,
        LearningRate = 5e-3,
    };

    [Fact]
    public async Task TheSessionCnnLearnsLabelledSessionsBeatsTheMajorityClassAndClassifiesTheUnlabelledOnes()
    {
        var models = _world.Get<ModelService>();
        var runId = await models.StartTrainingAsync(_world.CoachA, Cnn(_world.TeamA));
        var run = await WaitAsync(runId);
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
        Assert.False(run.LossHistory.IsEmpty);

        var version = await models.GetVersionAsync(_world.CoachA, run.ModelVersionId!.Value);
        output.WriteLine($"{version.TrainingSeconds} s, {version.TrainSamples}/{version.TestSamples}: {ModelResultsJson.Serialize(version.Metrics)}");
        Assert.Equal(ModelKind.SessionCnn, version.Architecture);
        Assert.Equal(SessionClassBaselines.MetricName, version.MetricName);
        Assert.True(version.TestSamples >= 10 && version.TrainSamples > version.TestSamples);
        Assert.Equal(64, version.DataHash.Length);
        var baselines = version.Metrics.Baselines;
        var majority = baselines[SessionClassBaselines.Majority]["accuracy"];
        Assert.True(baselines.ContainsKey(SessionClassBaselines.Logistic));
        var accuracy = version.Metrics.Model["accuracy"];
        Assert.True(accuracy > majority + 0.2, $"model accuracy {accuracy}, majority class {majority}");

        var confusion = version.TestSeries.Confusion!;
        Assert.Equal(SessionClassLabels.All, confusion.Classes);
        Assert.Equal(version.TestSamples, confusion.Model.Sum(r => r.Sum()));
        Assert.Equal(version.TestSamples, confusion.Baseline.Sum(r => r.Sum()));

        // The normalisation comes from the training part and travels with the version.
        await using (var db = _world.CreateDb())
        {
            var normalization = await db.ModelVersions.Where(v => v.Id == version.Id).Select(v => v.NormalizationJson).SingleAsync();
            using var doc = JsonDocument.Parse(normalization);
            Assert.Equal(SessionClassDataset.ChannelNames.Count, JsonDocument.Parse(doc.RootElement.GetProperty("featureMean").GetString()!).RootElement.GetArrayLength());
            Assert.StartsWith(version.DataSpan[..10], doc.RootElement.GetProperty("trainingSpan").GetString(), StringComparison.Ordinal);
        }

        await models.PromoteAsync(_world.CoachA, version.Id, version.BeatsBaseline ? null : "Test run: small data.");
        await _world.Get<ModelScoringJob>().RunAsync(CancellationToken.None);

        await using (var db = _world.CreateDb())
        {
            var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.Athlete!.TeamId == _world.TeamA).ToListAsync();
            var unlabelled = sessions.Where(s => s.ClassLabel is null).ToList();
            Assert.NotEmpty(unlabelled);
            Assert.All(unlabelled, s =>
            {
                Assert.Contains(s.PredictedClassLabel, SessionClassLabels.All);
                Assert.InRange(s.PredictedClassConfidence!.Value, 0.2, 1.0);
                Assert.Equal(version.Id, s.PredictedClassModelVersionId);
            });
            Assert.All(sessions.Where(s => s.ClassLabel is not null), s => Assert.Null(s.PredictedClassLabel));

            // The demo titles name the class the streams were generated from: most predictions should match it.
            var right = unlabelled.Count(s => s.Title!.StartsWith(s.PredictedClassLabel!, StringComparison.OrdinalIgnoreCase));
            output.WriteLine($"unlabelled: {right}/{unlabelled.Count} right");
            Assert.True(right > unlabelled.Count * 0.6, $"{right} of {unlabelled.Count}");
        }

        var page = await _world.Get<SessionQueryService>().ListAsync(_world.CoachA, _world.AthleteAProfile, new SessionFilter { PageSize = 200 });
        Assert.Contains(page.Items, r => r.ClassLabel is null && r.PredictedClassLabel is not null && r.PredictedClassConfidence is > 0);

        // Another team's coach and the athletes can neither train on these sessions nor read the model.
        await Assert.ThrowsAsync<ForbiddenException>(() => models.StartTrainingAsync(_world.CoachB, Cnn(_world.TeamA)));
        await Assert.ThrowsAsync<ForbiddenException>(() => models.StartTrainingAsync(_world.AthleteA, Cnn(_world.TeamA)));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetVersionAsync(_world.CoachB, version.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetArtifactAsync(_world.CoachB, version.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetRunAsync(_world.CoachB, runId));
        Assert.DoesNotContain(await models.ListVersionsAsync(_world.CoachB, null), v => v.Id == version.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => _world.Get<SessionQueryService>().ListAsync(_world.CoachB, _world.AthleteAProfile, new SessionFilter()));
    }

    [Fact]
    public async Task OnlyACoachOfTheAthletesTeamMayLabelASessionAndABadLabelChangesNothing()
    {
        var sessions = _world.Get<SessionQueryService>();
        int sessionId;
        await using (var db = _world.CreateDb())
        {
            sessionId = await db.TrainingSessions.Where(s => s.AthleteId == _world.AthleteAProfile).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }

        var detail = await sessions.GetAsync(_world.CoachA, sessionId);
        Assert.True(detail.CanLabel);
        Assert.False((await sessions.GetAsync(_world.AthleteA, sessionId)).CanLabel);
        var version = detail.Session.Version;

        await Assert.ThrowsAsync<ForbiddenException>(() => sessions.SetClassLabelAsync(_world.AthleteA, sessionId, "tempo", version));
        await Assert.ThrowsAsync<NotFoundException>(() => sessions.SetClassLabelAsync(_world.CoachB, sessionId, "tempo", version));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => sessions.SetClassLabelAsync(_world.CoachA, sessionId, "sprint", version));
        Assert.Contains(bad.Errors, e => e.Field == "ClassLabel");
        Assert.Equal(detail.Session.ClassLabel, (await sessions.GetAsync(_world.CoachA, sessionId)).Session.ClassLabel);

        var newVersion = await sessions.SetClassLabelAsync(_world.CoachA, sessionId, " Race ", version);
        Assert.Equal("race", (await sessions.GetAsync(_world.CoachA, sessionId)).Session.ClassLabel);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sessions.SetClassLabelAsync(_world.CoachA, sessionId, "tempo", version));

        await sessions.SetClassLabelAsync(_world.Admin, sessionId, null, newVersion);
        Assert.Null((await sessions.GetAsync(_world.CoachA, sessionId)).Session.ClassLabel);
    }

    private async Task<TrainingRun> WaitAsync(int runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        TrainingRun run;
        do
        {
            await Task.Delay(250);
            run = await _world.Get<ModelService>().GetRunAsync(_world.CoachA, runId);
        }
        while (run.Status is TrainingRunStatus.Queued or TrainingRunStatus.Running && DateTime.UtcNow < deadline);

        return run;
    }
}
