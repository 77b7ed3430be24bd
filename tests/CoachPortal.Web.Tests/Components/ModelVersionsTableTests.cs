using Bunit;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;
using CoachPortal.Web.Features.Forecasting;

namespace CoachPortal.Web.Tests.Components;

public sealed class ModelVersionsTableTests : PortalTestContext
{
    [Fact]
    public void NoVersionsShowsASentenceInsteadOfAnEmptyTable()
    {
        var cut = Render<ModelVersionsTable>(p => p.Add(c => c.Versions, []));

        Assert.Contains("No model versions yet", cut.Find("[data-testid=versions-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsReadInTheTargetsUnitsNextToTheBaselinesEverydayName()
    {
        var cut = Render<ModelVersionsTable>(p => p.Add(c => c.Versions, [Version(7, 0.80, 0.87, beats: true)]));

        var result = cut.Find("[data-testid=version-result-7]").TextContent;
        Assert.Equal("typical error 0.80 points vs 0.87 for the recent average", result);
        var evidence = cut.Find("[data-testid=version-evidence-7]").TextContent;
        Assert.Equal("8 % smaller errors than the recent average (95 % sure: 1–15 % smaller)", evidence);
        var table = cut.Find("[data-testid=versions]").TextContent;
        Assert.DoesNotContain("mae", table, StringComparison.Ordinal);
        Assert.DoesNotContain("ewma", table, StringComparison.Ordinal);
    }

    [Fact]
    public void AVersionThatBeatsItsBaselineIsPromotedWithoutAskingForAReason()
    {
        (ModelVersionView Version, string? Reason)? promoted = null;
        var cut = Render<ModelVersionsTable>(p => p
            .Add(c => c.Versions, [Version(3, 0.80, 0.87, beats: true)])
            .Add(c => c.OnPromote, v => promoted = v));

        Assert.Empty(cut.FindAll("[data-testid=override-reason]"));
        cut.Find("[data-testid=promote-3]").Click();

        Assert.Equal(3, promoted!.Value.Version.Id);
        Assert.Null(promoted.Value.Reason);
        Assert.Empty(cut.FindAll("[data-testid=override-reason]"));
    }

    [Fact]
    public void AReasonIsAskedForOnlyWhenPromotingAVersionThatDoesNotBeatItsBaseline()
    {
        (ModelVersionView Version, string? Reason)? promoted = null;
        var cut = Render<ModelVersionsTable>(p => p
            .Add(c => c.Versions, [Version(4, 0.95, 0.87, beats: false)])
            .Add(c => c.OnPromote, v => promoted = v));

        Assert.Empty(cut.FindAll("[data-testid=override-reason]"));
        cut.Find("[data-testid=promote-4]").Click();

        Assert.Null(promoted);
        cut.Find("textarea[data-testid=override-reason], [data-testid=override-reason] textarea").Change("The baseline ignores the new season.");
        cut.Find("[data-testid=promote-anyway]").Click();
        Assert.Equal("The baseline ignores the new season.", promoted!.Value.Reason);
    }

    [Fact]
    public void ATechniqueVersionReadsAsAccuracyOnHeldOutAthletesNextToTheMostCommonClass()
    {
        var cut = Render<ModelVersionsTable>(p => p.Add(c => c.Versions, [Technique(9, 0.1, 0.5, beats: true)]));

        Assert.Equal("right on 90 % of held-out athletes' labelled frames vs 50 % for always guessing the most common class",
            cut.Find("[data-testid=version-result-9]").TextContent);
        Assert.Equal("back squat · 5 athletes trained on, 3 held out", cut.Find("[data-testid=version-technique-9]").TextContent);
        Assert.Contains("Technique · KeypointCnn", cut.Find("[data-testid=versions]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=promote-9]").HasAttribute("disabled"));
    }

    [Fact]
    public void ATechniqueVersionThatDoesNotBeatItsBaselineCannotBePromotedEvenWithAReason()
    {
        (ModelVersionView Version, string? Reason)? promoted = null;
        var cut = Render<ModelVersionsTable>(p => p
            .Add(c => c.Versions, [Technique(5, 0.5, 0.5, beats: false)])
            .Add(c => c.OnPromote, v => promoted = v));

        var promote = cut.Find("[data-testid=promote-5]");
        Assert.True(promote.HasAttribute("disabled"));
        promote.Click();

        Assert.Null(promoted);
        Assert.Empty(cut.FindAll("[data-testid=override-reason]"));
    }

    private static ModelVersionView Technique(int id, double error, double baselineError, bool beats) => Version(id, error, baselineError, beats) with
    {
        Target = ForecastTarget.Technique,
        Architecture = ModelKind.KeypointCnn,
        MetricName = "error rate",
        BestBaselineName = "majority class",
        Metrics = new ModelMetrics
        {
            Promotion = new PromotionDecision(beats ? PromotionVerdict.Promotable : PromotionVerdict.NotBetter,
                baselineError == 0 ? 1 : error / baselineError, beats ? 0.1 : 0.8, beats ? 0.4 : 1.2, 30, 3, "interval rule"),
            Technique = new TechniqueSummary { Exercise = "back squat", Samples = 80, GoodSamples = 40, WindowFrames = 31, TrainingAthletes = ["1", "2", "3", "4", "5"], HeldOutAthletes = ["6", "7", "8"] },
        },
    };

    private static ModelVersionView Version(int id, double error, double baselineError, bool beats) => new(
        id, 1, ForecastTarget.Readiness, ModelKind.GruForecaster, ModelScope.Team, 1, ModelVersionStatus.Candidate,
        "2026-01-01 – 2026-06-30", "hash", 400, 100, "{}", "Cpu", "no NVIDIA driver on this machine, CUDA not tried", 12,
        "mae", error, "ewma", baselineError,
        new ModelMetrics
        {
            Promotion = new PromotionDecision(beats ? PromotionVerdict.Promotable : PromotionVerdict.NotBetter,
                error / baselineError, beats ? 0.85 : 0.98, beats ? 0.99 : 1.2, 100, 6, "interval rule"),
        },
        ModelTestSeries.Empty, null, null, DateTime.UtcNow);
}
