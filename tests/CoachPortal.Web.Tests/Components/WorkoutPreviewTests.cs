using Bunit;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Web.Features.Plans.Workouts;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Components;

public sealed class WorkoutPreviewTests : PortalTestContext
{
    [Fact]
    public void ValidTextShowsItsStepsRepeatsTargetsInTheAthletesWattsAndTheEstimate()
    {
        var cut = Render<WorkoutPreview>(p => p
            .Add(c => c.Text, "10m warmup @Z1; 5x(3m @105% FTP, 2m recovery @Z1); 10m cooldown")
            .Add(c => c.Sport, "Cycling")
            .Add(c => c.Profile, new AthleteTrainingProfile(300, null, 160, 190)));

        Assert.Equal("true", cut.Find("[data-testid=workout-preview]").GetAttribute("data-valid"));
        Assert.Empty(cut.FindAll("[data-testid=preview-error]"));
        Assert.Equal("5× ", cut.Find("[data-testid=preview-repeat]").TextContent);
        var steps = cut.FindAll("[data-testid=preview-step]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(4, steps.Count);
        Assert.Equal("10m warmup @ Z1 (104–130 bpm)", steps[0]);
        Assert.Equal("3m @ 105% FTP (315 W)", steps[1]);
        Assert.Equal("10m cooldown", steps[3]);
        // 10 + 5 × (3 + 2) + 10 minutes.
        Assert.StartsWith("45 min", cut.Find("[data-testid=preview-estimate]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidTextShowsTheReasonAtItsLineAndColumnAndMarksTheOffendingCharacters()
    {
        var cut = Render<WorkoutPreview>(p => p
            .Add(c => c.Text, "10m warmup @Z1;\n5x(3m @Z7)")
            .Add(c => c.Sport, "Running"));

        Assert.Equal("false", cut.Find("[data-testid=workout-preview]").GetAttribute("data-valid"));
        var error = cut.Find("[data-testid=preview-error]").TextContent;
        Assert.Contains("Line 2, column 9: A heart-rate zone is Z1 to Z5", error, StringComparison.Ordinal);
        Assert.Equal("7", cut.Find("[data-testid=preview-error-source] mark").TextContent);
        Assert.Equal("5x(3m @Z7)", cut.Find("[data-testid=preview-error-source]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-step]"));
    }

    [Fact]
    public void AnEmptyWorkoutPointsAtTheFirstCharacter()
    {
        var cut = Render<WorkoutPreview>(p => p.Add(c => c.Text, "").Add(c => c.Sport, "Running"));

        Assert.Contains("Line 1, column 1: The workout is empty", cut.Find("[data-testid=preview-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStepEditorWritesItsChangesBackInTheSyntaxThatParsesToTheSameSteps()
    {
        var texts = new List<string>();
        var cut = Render<WorkoutStepEditor>(p => p
            .Add(c => c.Text, "10m warmup @Z1; 4x(3m @Z4, 2m recovery @Z1)")
            .Add(c => c.TextChanged, t => texts.Add(t)));

        Assert.Equal(2, cut.FindAll("[data-testid=step-segment]").Count);
        cut.Find("button[data-testid=add-step]").Click();
        cut.WaitForAssertion(() => Assert.Single(texts));
        cut.Find("button[data-testid=add-repeat]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, texts.Count));

        Assert.Equal("10m warmup @Z1; 4x(3m @Z4, 2m recovery @Z1); 3m @Z4", texts[0]);
        Assert.Equal("10m warmup @Z1; 4x(3m @Z4, 2m recovery @Z1); 3m @Z4; 4x(3m @Z4, 2m recovery @Z1)", texts[1]);
        Assert.Equal(texts[1], WorkoutFormatter.Format(WorkoutParser.Parse(texts[1])));
    }

    [Fact]
    public void AStepDraftKeepsAHalfTypedPaceAndSaysWhatIsWrong()
    {
        var draft = WorkoutStepDraft.From(WorkoutParser.Parse("2km @4:30-4:40/km").Segments[0].Steps[0]);
        Assert.Equal(2, draft.Amount);
        Assert.Equal("km", draft.Unit);
        Assert.Equal("4:30", draft.Low);
        Assert.Equal("4:40", draft.High);

        draft.Low = "4:3";
        draft.High = null;
        Assert.NotNull(draft.ToSpec());
        draft.Low = "4.30";
        Assert.Null(draft.ToSpec());
        Assert.Contains("m:ss", draft.Problem, StringComparison.Ordinal);
        Assert.Equal("4.30", draft.Low);
    }
}
