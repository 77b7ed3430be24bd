using System.Text.Json;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Technique;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using CoachPortal.Learning.Vision;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Media;

public sealed class TechniqueModelServiceTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task TrainingIsQueuedAsABackgroundRunWithTheExerciseKept()
    {
        var service = world.Get<TechniqueModelService>();

        var runId = await service.StartTrainingAsync(world.CoachA, world.TeamA, new TechniqueRunInput { Exercise = "  front squat ", Kind = TechniqueModelKind.ResNetHead });

        var run = Assert.Single(await service.ListRunsAsync(world.CoachA, world.TeamA), r => r.Id == runId);
        Assert.Equal((ForecastTarget.Technique, ModelKind.ResNetHead, TrainingRunStatus.Queued, world.TeamA), (run.Target, run.Architecture, run.Status, run.TeamId));
        Assert.Equal("front squat", JsonSerializer.Deserialize<TechniqueRunInput>(run.HyperParametersJson)!.Exercise);
        Assert.NotNull(run.JobId);
        Assert.Equal(world.CoachA.UserId, run.RequestedByUserId);
    }

    [Fact]
    public async Task OnlyTheTeamsCoachesAndAdminsQueueAndReadItsTechniqueModels()
    {
        var service = world.Get<TechniqueModelService>();
        var input = new TechniqueRunInput();

        await Assert.ThrowsAsync<NotFoundException>(() => service.StartTrainingAsync(world.CoachB, world.TeamA, input));
        await Assert.ThrowsAsync<NotFoundException>(() => service.StartTrainingAsync(world.AthleteA, world.TeamA, input));
        await Assert.ThrowsAsync<NotFoundException>(() => service.ListRunsAsync(world.CoachB, world.TeamA));
        await Assert.ThrowsAsync<NotFoundException>(() => service.ListVersionsAsync(world.AthleteA, world.TeamA));
        await Assert.ThrowsAsync<NotFoundException>(() => service.ExercisesAsync(world.CoachB, world.TeamA));

        var adminRun = await service.StartTrainingAsync(world.Admin, world.TeamB, input);
        Assert.Contains(await service.ListRunsAsync(world.CoachB, world.TeamB), r => r.Id == adminRun);
        Assert.DoesNotContain(await service.ListRunsAsync(world.CoachA, world.TeamA), r => r.Id == adminRun);
        await using var db = world.CreateDb();
        Assert.False(await db.TrainingRuns.AnyAsync(r => r.Target == ForecastTarget.Technique && r.RequestedByUserId == world.CoachB.UserId && r.TeamId == world.TeamA));
    }

    [Fact]
    public async Task TheForecastFormCannotQueueATechniqueModelAndTheImageCnnIsNotOffered()
    {
        var models = world.Get<ModelService>();

        await Assert.ThrowsAsync<ValidationFailedException>(() => models.StartTrainingAsync(world.CoachA,
            new TrainingRunInput { Target = ForecastTarget.Technique, Architecture = ModelKind.GruForecaster, TeamId = world.TeamA }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => models.StartTrainingAsync(world.CoachA,
            new TrainingRunInput { Target = ForecastTarget.Readiness, Architecture = ModelKind.KeypointCnn, TeamId = world.TeamA }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<TechniqueModelService>().StartTrainingAsync(world.CoachA, world.TeamA,
            new TechniqueRunInput { Kind = TechniqueModelKind.ImageCnn }));
    }

    [Fact]
    public async Task TheExercisesOfTheTeamsLabelsFillTheFilter()
    {
        var athlete = (await TechniqueLabelling.AthletesAsync(world, world.CoachA, world.TeamA, "Filter", 1))[0];
        await TechniqueLabelling.AddLabelledVideoAsync(world, world.CoachA, athlete, "split squat", 2, new Random(3), 1);

        Assert.Contains("split squat", await world.Get<TechniqueModelService>().ExercisesAsync(world.CoachA, world.TeamA));
        Assert.DoesNotContain("split squat", await world.Get<TechniqueModelService>().ExercisesAsync(world.CoachB, world.TeamB));
    }

    [Fact]
    public void AWindowRepeatsTheEdgeFramesAndDropsDepth()
    {
        var values = new float[3 * KeypointCodec.ValuesPerFrame];
        for (int f = 0; f < 3; f++)
        {
            values[f * KeypointCodec.ValuesPerFrame] = f;
            values[(f * KeypointCodec.ValuesPerFrame) + 2] = 99;
            values[(f * KeypointCodec.ValuesPerFrame) + 3] = 0.5f;
        }

        var window = TechniqueModelService.Window(values, 0);

        Assert.Equal(TechniqueLabelling.ClipFrames * JointAngles.FrameWidth, window.Length);
        Assert.Equal(0, window[TechniqueModelService.HalfWindow * JointAngles.FrameWidth]);
        Assert.Equal(1, window[(TechniqueModelService.HalfWindow + 1) * JointAngles.FrameWidth]);
        Assert.Equal(2, window[^JointAngles.FrameWidth]);
        Assert.Equal(0.5f, window[2]);
    }
}
