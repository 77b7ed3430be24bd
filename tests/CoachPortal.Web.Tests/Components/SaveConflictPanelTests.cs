using Bunit;
using CoachPortal.Web.Features.Plans;

namespace CoachPortal.Web.Tests.Components;

public sealed class SaveConflictPanelTests : PortalTestContext
{
    private sealed record Draft(string Name, int Version);

    [Fact]
    public void NoConflictShowsNothing()
    {
        var cut = Render<SaveConflictPanel<Draft>>(p => p.Add(c => c.Noun, "workout"));

        Assert.Empty(cut.FindAll("[data-testid=save-conflict]"));
    }

    [Fact]
    public void TheirVersionIsDescribedAndEachChoiceHandsItToTheOwner()
    {
        var theirs = new Draft("Tempo", 4);
        Draft? kept = null;
        Draft? taken = null;
        var cut = Render<SaveConflictPanel<Draft>>(p => p
            .Add(c => c.Theirs, theirs)
            .Add(c => c.Noun, "workout")
            .Add(c => c.ChildContent, d => $"<code>{d.Name} v{d.Version}</code>")
            .Add(c => c.OnKeepMine, d => kept = d)
            .Add(c => c.OnTakeTheirs, d => taken = d));

        Assert.Contains("Someone else saved this workout", cut.Find("[data-testid=save-conflict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Tempo v4", cut.Find("code").TextContent);

        cut.Find("[data-testid=keep-mine]").Click();
        Assert.Same(theirs, kept);
        cut.Find("[data-testid=take-theirs]").Click();
        Assert.Same(theirs, taken);
    }

    [Fact]
    public void BothChoicesWaitWhileASaveRuns()
    {
        var cut = Render<SaveConflictPanel<Draft>>(p => p
            .Add(c => c.Theirs, new Draft("Tempo", 4))
            .Add(c => c.Noun, "template")
            .Add(c => c.Busy, true));

        Assert.True(cut.Find("[data-testid=keep-mine]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=take-theirs]").HasAttribute("disabled"));
    }
}
