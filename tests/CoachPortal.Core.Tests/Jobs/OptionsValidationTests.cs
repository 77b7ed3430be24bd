using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Seeding;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Tests.Jobs;

/// <summary>Settings that would break the portal at run time are refused at start, with the key's name.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void TheDefaultsOfEverySectionAreValid()
    {
        Assert.True(Validate(new ModelsOptions()).Succeeded);
        Assert.True(Validate(new JobsOptions()).Succeeded);
        Assert.True(Validate(new SeedOptions()).Succeeded);
        Assert.True(Validate(new DemoOptions()).Succeeded);
    }

    [Fact]
    public void ABrokenScoringCronOrBatchSizeIsRefused()
    {
        var cron = Validate(new ModelsOptions { ScoringCron = "every night" });
        Assert.True(cron.Failed);
        Assert.Contains("ScoringCron", cron.FailureMessage, StringComparison.Ordinal);
        Assert.True(Validate(new ModelsOptions { ScoringBatchSize = 0 }).Failed);
    }

    [Fact]
    public void AJobServerWithNoQueueOrAZeroPollIntervalIsRefused()
    {
        Assert.True(Validate(new JobsOptions { Queues = [] }).Failed);
        Assert.True(Validate(new JobsOptions { PollIntervalMilliseconds = 0 }).Failed);
        Assert.True(Validate(new JobsOptions { WorkerCount = 0 }).Failed);
    }

    [Fact]
    public void AShortDemoPasswordOrAMalformedAdminEmailIsRefused()
    {
        Assert.True(Validate(new DemoOptions { Password = "short" }).Failed);
        Assert.True(Validate(new SeedOptions { AdminEmail = "not an address" }).Failed);
    }

    private static ValidateOptionsResult Validate<T>(T options)
        where T : class => new DataAnnotationValidateOptions<T>(null).Validate(null, options);
}
