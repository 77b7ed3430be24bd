using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Load;

public class PrimaryLoadSelectorTests
{
    private static readonly SessionLoadMeasures s_all = new()
    {
        PowerTss = 80,
        RunningTss = 70,
        HeartRateTss = 60,
        BanisterTrimp = 150,
        SessionRpeLoad = 400,
    };

    [Fact]
    public void EachMetricTakesItsOwnMeasureFirst()
    {
        Assert.Equal(new PrimaryLoad(80, LoadSource.PowerTss), PrimaryLoadSelector.Select(s_all));
        Assert.Equal(new PrimaryLoad(150, LoadSource.BanisterTrimp), PrimaryLoadSelector.Select(s_all, new() { Metric = PrimaryLoadMetric.Trimp }));
        Assert.Equal(new PrimaryLoad(400, LoadSource.SessionRpe), PrimaryLoadSelector.Select(s_all, new() { Metric = PrimaryLoadMetric.SessionRpe }));
    }

    [Fact]
    public void TssFallsBackThroughRunningAndHeartRateThenConverts()
    {
        Assert.Equal(new PrimaryLoad(70, LoadSource.RunningTss), PrimaryLoadSelector.Select(s_all with { PowerTss = null }));
        Assert.Equal(new PrimaryLoad(60, LoadSource.HeartRateTss), PrimaryLoadSelector.Select(s_all with { PowerTss = null, RunningTss = null }));
        var trimpOnly = new SessionLoadMeasures { BanisterTrimp = 150, SessionRpeLoad = 420 };
        Assert.Equal(new PrimaryLoad(75, LoadSource.BanisterTrimp), PrimaryLoadSelector.Select(trimpOnly));
        var rpeOnly = new SessionLoadMeasures { SessionRpeLoad = 420 };
        Assert.Equal(new PrimaryLoad(100, LoadSource.SessionRpe), PrimaryLoadSelector.Select(rpeOnly));
    }

    [Fact]
    public void TrimpAndRpeTeamsConvertFromTheTssChain()
    {
        var tssOnly = new SessionLoadMeasures { HeartRateTss = 50, SessionRpeLoad = null };
        Assert.Equal(new PrimaryLoad(100, LoadSource.HeartRateTss), PrimaryLoadSelector.Select(tssOnly, new() { Metric = PrimaryLoadMetric.Trimp }));
        Assert.Equal(210.0, PrimaryLoadSelector.Select(tssOnly, new() { Metric = PrimaryLoadMetric.SessionRpe }).Value, 9);
        var trimpOnly = new SessionLoadMeasures { BanisterTrimp = 100 };
        Assert.Equal(new PrimaryLoad(210, LoadSource.BanisterTrimp), PrimaryLoadSelector.Select(trimpOnly, new() { Metric = PrimaryLoadMetric.SessionRpe }));
        var rpeOnly = new SessionLoadMeasures { SessionRpeLoad = 420 };
        Assert.Equal(200.0, PrimaryLoadSelector.Select(rpeOnly, new() { Metric = PrimaryLoadMetric.Trimp }).Value, 9);
    }

    [Fact]
    public void NothingMeasuredIsZeroFromNone() =>
        Assert.Equal(new PrimaryLoad(0, LoadSource.None), PrimaryLoadSelector.Select(new SessionLoadMeasures()));
}
