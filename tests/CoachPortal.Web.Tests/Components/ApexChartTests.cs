using Bunit;
using CoachPortal.Web.Components.Shared;

namespace CoachPortal.Web.Tests.Components;

public sealed class ApexChartTests : BunitContext
{
    private const string ModulePath = "./Components/Shared/ApexChart.razor.js";

    [Fact]
    public void FirstRenderDrawsTheChartWithItsSeriesAndTypeThroughTheModule()
    {
        var module = JSInterop.SetupModule(ModulePath);
        module.SetupVoid("render", _ => true);
        IReadOnlyList<ChartSeries> series = [new ChartSeries("Athletes", [3, 5])];

        var cut = Render<ApexChart>(p => p
            .Add(c => c.Id, "composition")
            .Add(c => c.Type, "bar")
            .Add(c => c.Series, series));

        var call = module.VerifyInvoke("render");
        var options = Assert.IsType<Dictionary<string, object?>>(call.Arguments[1]);
        var chart = Assert.IsType<Dictionary<string, object?>>(options["chart"]);
        Assert.Equal("bar", chart["type"]);
        Assert.NotNull(options["series"]);
        Assert.Equal("composition", cut.Find("div.apex-chart").GetAttribute("data-chart"));
        Assert.Equal("1", cut.Find("div.apex-chart").GetAttribute("data-series-count"));
    }

    [Fact]
    public void NewSeriesUpdateTheChartInsteadOfRecreatingIt()
    {
        var module = JSInterop.SetupModule(ModulePath);
        module.SetupVoid("render", _ => true);
        module.SetupVoid("update", _ => true);
        IReadOnlyList<ChartSeries> first = [new ChartSeries("Load", [1, 2, 3])];
        var cut = Render<ApexChart>(p => p.Add(c => c.Id, "pmc").Add(c => c.Series, first));

        IReadOnlyList<ChartSeries> second = [new ChartSeries("Load", [4, 5, 6]), new ChartSeries("Fitness", [1, 1, 1])];
        cut.Render(p => p.Add(c => c.Series, second));

        Assert.Single(module.Invocations["render"]);
        var update = module.VerifyInvoke("update");
        Assert.NotNull(update.Arguments[1]);
        Assert.Equal("2", cut.Find("div.apex-chart").GetAttribute("data-series-count"));
    }

    [Fact]
    public void DonutChartsSendTheirValuesAndLabelsFlat()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = Render<ApexChart>(p => p
            .Add(c => c.Id, "roles")
            .Add(c => c.Type, "donut")
            .Add(c => c.Labels, ["Admin", "Coach"])
            .Add(c => c.Series, [new ChartSeries("Accounts", [1, 4])]));

        var options = cut.Instance.BuildOptions();

        Assert.Equal(new object?[] { 1, 4 }, Assert.IsAssignableFrom<IEnumerable<object?>>(options["series"]));
        Assert.Equal(["Admin", "Coach"], Assert.IsAssignableFrom<IEnumerable<string>>(options["labels"]));
    }

    [Fact]
    public void AChartWithTheZoomToolbarKeepsItsLegendBelowThePlot()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = Render<ApexChart>(p => p
            .Add(c => c.Id, "pmc")
            .Add(c => c.Type, "line")
            .Add(c => c.Options, new Dictionary<string, object?> { ["legend"] = new { position = "top" } })
            .Add(c => c.Series, [new ChartSeries("Fitness", [1, 2])]));

        var legend = cut.Instance.BuildOptions()["legend"]!;

        Assert.Equal("bottom", legend.GetType().GetProperty("position")!.GetValue(legend));
    }

    [Fact]
    public async Task DisposingAfterTheCircuitIsGoneDoesNotThrow()
    {
        var module = JSInterop.SetupModule(ModulePath);
        module.SetupVoid("render", _ => true);
        module.SetupVoid("destroy", _ => true).SetException(new Microsoft.JSInterop.JSDisconnectedException("gone"));
        var cut = Render<ApexChart>(p => p.Add(c => c.Id, "x").Add(c => c.Series, [new ChartSeries("A", [1])]));

        await cut.Instance.DisposeAsync();

        module.VerifyInvoke("destroy");
    }
}
