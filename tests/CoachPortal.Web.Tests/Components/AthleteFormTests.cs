using Bunit;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Web.Features.Athletes;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Components;

public sealed class AthleteFormTests : PortalTestContext
{
    [Fact]
    public void InvalidInputShowsTheRuleNextToTheFieldAndIsNotSubmitted()
    {
        var submitted = false;
        var model = new AthleteInput { FirstName = "Ada", LastName = "", HeartRateMaxBpm = 300 };
        var cut = Render<AthleteForm>(p => p
            .Add(c => c.Model, model)
            .Add(c => c.OnValidSubmit, _ =>
            {
                submitted = true;
                return Task.FromResult<IReadOnlyList<ValidationError>>([]);
            }));

        cut.Find("form").Submit();

        Assert.False(submitted);
        Assert.Contains("Last name is required.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("HRmax must be between 100 and 240 bpm.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidInputIsSubmittedAndServerRefusalsAreShown()
    {
        AthleteInput? received = null;
        var model = new AthleteInput { FirstName = "Ada", LastName = "Lovelace", HeartRateMaxBpm = 190, HeartRateRestBpm = 50 };
        var cut = Render<AthleteForm>(p => p
            .Add(c => c.Model, model)
            .Add(c => c.OnValidSubmit, input =>
            {
                received = input;
                return Task.FromResult<IReadOnlyList<ValidationError>>([new ValidationError(nameof(AthleteInput.Email), "That email is already used.")]);
            }));

        cut.Find("form").Submit();

        Assert.Same(model, received);
        cut.WaitForAssertion(() => Assert.Contains("That email is already used.", cut.Markup, StringComparison.Ordinal));
    }
}
