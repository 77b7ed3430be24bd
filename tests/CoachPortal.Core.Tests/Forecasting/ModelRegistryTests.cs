using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>
/// The registry's promotion rules through the real service and database, on versions registered directly with
/// chosen metrics and promotion judgements so that the outcome does not depend on how a training run happens to go.
/// </summary>
public sealed class ModelRegistryTests : IAsyncLifetime
{
    private readonly PortalTestHost _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AVersionThatLosesToItsBaselineIsPromotedOnlyWithAWrittenReasonWhichIsKeptAndShown()
    {
        var models = _world.Get<ModelService>();
        var good = await RegisterAsync(testError: 0.80, baselineError: 1.00, Judged(PromotionVerdict.Promotable, 0.80, 0.70, 0.90));
        var losing = await RegisterAsync(testError: 1.25, baselineError: 1.00, Judged(PromotionVerdict.NotBetter, 1.25, 1.10, 1.40));

        await models.PromoteAsync(_world.CoachA, good, overrideReason: "not needed");
        var goodView = await models.GetVersionAsync(_world.CoachA, good);
        Assert.Equal(ModelVersionStatus.Active, goodView.Status);
        Assert.Null(goodView.PromotionOverrideReason);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => models.PromoteAsync(_world.CoachA, losing, null));
        Assert.Contains(refused.Errors, e => e.Field == "OverrideReason");
        await Assert.ThrowsAsync<ValidationFailedException>(() => models.PromoteAsync(_world.CoachA, losing, "   "));
        Assert.Equal(ModelVersionStatus.Candidate, (await models.GetVersionAsync(_world.CoachA, losing)).Status);
        Assert.Equal(ModelVersionStatus.Active, (await models.GetVersionAsync(_world.CoachA, good)).Status);

        await models.PromoteAsync(_world.CoachA, losing, "  The baseline cannot explain its forecasts to athletes.  ");
        var shown = (await models.ListVersionsAsync(_world.CoachA, _world.TeamA)).Single(v => v.Id == losing);
        Assert.Equal(ModelVersionStatus.Active, shown.Status);
        Assert.Equal("The baseline cannot explain its forecasts to athletes.", shown.PromotionOverrideReason);
        Assert.False(shown.BeatsBaseline);
        Assert.Equal(ModelVersionStatus.Retired, (await models.GetVersionAsync(_world.CoachA, good)).Status);

        // Rolling back retires the overridden version and re-activates the one promoted before it.
        await models.RollBackAsync(_world.CoachA, losing);
        Assert.Equal(ModelVersionStatus.Retired, (await models.GetVersionAsync(_world.CoachA, losing)).Status);
        Assert.Equal(ModelVersionStatus.Active, (await models.GetVersionAsync(_world.CoachA, good)).Status);
        await Assert.ThrowsAsync<ValidationFailedException>(() => models.RollBackAsync(_world.CoachA, losing));
    }

    [Fact]
    public async Task OnlyTheTeamsCoachOrAnAdministratorMayPromoteOrRollBack()
    {
        var models = _world.Get<ModelService>();
        var version = await RegisterAsync(testError: 0.5, baselineError: 1.0, Judged(PromotionVerdict.Promotable, 0.5, 0.4, 0.6));

        await Assert.ThrowsAsync<NotFoundException>(() => models.PromoteAsync(_world.CoachB, version, "reason"));
        await Assert.ThrowsAsync<NotFoundException>(() => models.PromoteAsync(_world.AthleteA, version, "reason"));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetVersionAsync(_world.CoachB, version));
        Assert.Equal(ModelVersionStatus.Candidate, (await models.GetVersionAsync(_world.CoachA, version)).Status);

        await models.PromoteAsync(_world.Admin, version, null);
        await Assert.ThrowsAsync<NotFoundException>(() => models.RollBackAsync(_world.CoachB, version));
        Assert.Equal(ModelVersionStatus.Active, (await models.GetVersionAsync(_world.CoachA, version)).Status);
    }

    [Fact]
    public async Task ALowerTestErrorWhoseIntervalCrossesOneIsNotEnoughToPromoteWithoutAReason()
    {
        // the model's MAE is lower on average, but resampling athletes puts the ratio's interval across 1
        var models = _world.Get<ModelService>();
        var lucky = await RegisterAsync(testError: 0.95, baselineError: 1.00, Judged(PromotionVerdict.NotBetter, 0.95, 0.84, 1.07));
        var unjudged = await RegisterAsync(testError: 0.50, baselineError: 1.00, judgement: null);
        var fewEvents = await RegisterAsync(testError: 0.02, baselineError: 0.03, Judged(PromotionVerdict.NotEnoughEvidence, 0.9, double.NaN, double.NaN));

        foreach (var id in new[] { lucky, unjudged, fewEvents })
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => models.PromoteAsync(_world.CoachA, id, null));
            Assert.Contains(refused.Errors, e => e.Field == "OverrideReason");
            Assert.False((await models.GetVersionAsync(_world.CoachA, id)).BeatsBaseline);
        }

        var view = await models.GetVersionAsync(_world.CoachA, lucky);
        Assert.Equal(PromotionVerdict.NotBetter, view.Promotion!.Verdict);
        Assert.Equal(1.07, view.Promotion.High, 6);
        Assert.Null((await models.GetVersionAsync(_world.CoachA, unjudged)).Promotion);
        Assert.Equal(PromotionVerdict.NotEnoughEvidence, (await models.GetVersionAsync(_world.CoachA, fewEvents)).Promotion!.Verdict);
    }

    [Fact]
    public async Task ClubWideTrainingIsForAdministratorsAndTheCnnOnlyClassifiesSessions()
    {
        var models = _world.Get<ModelService>();
        var club = new TrainingRunInput { Target = ForecastTarget.SessionClass, Architecture = ModelKind.SessionCnn, Scope = ModelScope.Club };
        await Assert.ThrowsAsync<ForbiddenException>(() => models.StartTrainingAsync(_world.CoachA, club));

        var mismatched = await Assert.ThrowsAsync<ValidationFailedException>(() => models.StartTrainingAsync(_world.CoachA,
            new TrainingRunInput { Target = ForecastTarget.Readiness, Architecture = ModelKind.SessionCnn, TeamId = _world.TeamA }));
        Assert.Contains(mismatched.Errors, e => e.Field == nameof(TrainingRunInput.Architecture));
        await Assert.ThrowsAsync<ValidationFailedException>(() => models.StartTrainingAsync(_world.CoachA,
            new TrainingRunInput { Target = ForecastTarget.SessionClass, Architecture = ModelKind.GruForecaster, TeamId = _world.TeamA }));

        var runId = await models.StartTrainingAsync(_world.Admin, club);
        var run = await models.GetRunAsync(_world.Admin, runId);
        Assert.Equal(ModelScope.Club, run.Scope);
        Assert.Null(run.TeamId);
        // Club runs show on every team's view for administrators, and to no coach.
        Assert.Contains(await models.ListRunsAsync(_world.Admin, _world.TeamA), r => r.Id == runId);
        Assert.DoesNotContain(await models.ListRunsAsync(_world.CoachA, _world.TeamA), r => r.Id == runId);
    }

    private static PromotionDecision Judged(PromotionVerdict verdict, double estimate, double low, double high) =>
        new(verdict, estimate, low, high, 120, 8, $"{verdict} in the test");

    private async Task<int> RegisterAsync(double testError, double baselineError, PromotionDecision? judgement)
    {
        await using var db = _world.CreateDb();
        var run = new TrainingRun
        {
            Target = ForecastTarget.Readiness,
            Architecture = ModelKind.GruForecaster,
            Scope = ModelScope.Team,
            TeamId = _world.TeamA,
            Status = TrainingRunStatus.Succeeded,
            RequestedByUserId = _world.CoachA.UserId,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        var version = new ModelVersion
        {
            TrainingRunId = run.Id,
            Target = ForecastTarget.Readiness,
            Architecture = ModelKind.GruForecaster,
            Scope = ModelScope.Team,
            TeamId = _world.TeamA,
            Status = ModelVersionStatus.Candidate,
            MetricName = "mae",
            TestError = testError,
            BestBaselineName = "persistence",
            BestBaselineError = baselineError,
            Metrics = ModelMetrics.Empty with { Promotion = judgement },
            OnnxBytes = [1],
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }
}
