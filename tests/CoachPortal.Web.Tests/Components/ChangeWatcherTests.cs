using Bunit;
using CoachPortal.Core.Notifications;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CoachPortal.Web.Tests.Components;

public sealed class ChangeWatcherTests : PortalTestContext
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void APublishedChangeOfItsTopicRunsTheCallback()
    {
        var runs = 0;
        var cut = Render<ChangeWatcher>(p => p.Add(c => c.Topic, Topics.Athlete(7)).Add(c => c.OnChange, () => runs++));

        Notifier.Publish(Topics.Athlete(8));
        Notifier.Publish(Topics.Athlete(7));

        cut.WaitForAssertion(() => Assert.Equal(1, runs));
    }

    [Fact]
    public void ANewTopicReplacesTheOldOne()
    {
        var runs = 0;
        var cut = Render<ChangeWatcher>(p => p.Add(c => c.Topic, Topics.Team(1)).Add(c => c.OnChange, () => runs++));

        cut.Render(p => p.Add(c => c.Topic, Topics.Team(2)));
        Notifier.Publish(Topics.Team(1));
        Thread.Sleep(s_quiet);
        Assert.Equal(0, runs);

        Notifier.Publish(Topics.Team(2));
        cut.WaitForAssertion(() => Assert.Equal(1, runs));
    }

    [Fact]
    public void ThePollRunsTheCallbackOnlyWhileItsConditionHolds()
    {
        var runs = 0;
        var running = true;
        Render<ChangeWatcher>(p => p
            .Add(c => c.OnChange, () => runs++)
            .Add(c => c.PollInterval, TimeSpan.FromMilliseconds(20))
            .Add(c => c.PollWhile, () => Volatile.Read(ref running)));

        WaitUntil(() => Volatile.Read(ref runs) >= 2);
        Volatile.Write(ref running, false);
        Thread.Sleep(100);
        var stopped = Volatile.Read(ref runs);
        Thread.Sleep(s_quiet);

        Assert.Equal(stopped, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task NothingRunsTheCallbackOnceTheWatcherIsDisposed()
    {
        var runs = 0;
        Render<ChangeWatcher>(p => p
            .Add(c => c.Topic, Topics.Models)
            .Add(c => c.OnChange, () => runs++)
            .Add(c => c.PollInterval, TimeSpan.FromMilliseconds(20)));
        WaitUntil(() => Volatile.Read(ref runs) >= 1);

        await DisposeComponentsAsync();
        var disposed = Volatile.Read(ref runs);
        Notifier.Publish(Topics.Models);
        Thread.Sleep(s_quiet);

        Assert.Equal(disposed, Volatile.Read(ref runs));
    }

    [Fact]
    public void AFailingCallbackReachesTheNearestErrorBoundary()
    {
        var cut = Render<ErrorBoundary>(p => p
            .AddChildContent<ChangeWatcher>(w => w
                .Add(c => c.Topic, Topics.Users)
                .Add(c => c.OnChange, () => throw new InvalidOperationException("reload failed")))
            .Add(b => b.ErrorContent, (RenderFragment<Exception>)(ex => b => b.AddMarkupContent(0, $"<p id=\"error\">{ex.Message}</p>"))));

        Notifier.Publish(Topics.Users);

        cut.WaitForAssertion(() => Assert.Equal("reload failed", cut.Find("#error").TextContent));
    }

    // A callback of the test itself re-renders nothing, so bUnit's render-driven waits would never look again.
    private static void WaitUntil(Func<bool> condition)
    {
        Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(10)), "The callback did not run in time.");
    }
}
