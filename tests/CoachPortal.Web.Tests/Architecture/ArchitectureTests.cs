using System.Reflection;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchArchitecture = ArchUnitNET.Domain.Architecture;

namespace CoachPortal.Web.Tests.Architecture;

/// <summary>
/// The shape of the house, stated so that a change cannot quietly re-tie it: pure engines, Core below Web, and Core's
/// features in one direction — a feature may use the ones before it in <see cref="s_featureOrder"/>, never after.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly s_core = typeof(Core.Security.Access).Assembly;
    private static readonly Assembly s_web = typeof(DependencyInjection).Assembly;
    private static readonly Assembly[] s_engines =
    [
        typeof(Ingest.ActivityDecoder).Assembly,
        typeof(Analytics.AnalyticsInputException).Assembly,
        typeof(Learning.ModelScorer).Assembly,
    ];

    private static readonly ArchArchitecture s_architecture = new ArchLoader().LoadAssemblies(s_core).Build();

    // Lowest first. The records of a club (teams, athletes, accounts, wellness) may use each other; everything built
    // on them goes one way: sessions → technique models → daily loads → forecasts → plans → media (a clip may show a planned session's target technique) → exports and erasure → demo seeding. Data, Security, Jobs,
    // Notifications, Health and Audit (every feature writes to the trail) are the floor every feature stands on (AppDbContext names every entity).
    private static readonly string[][] s_featureOrder =
    [
        ["Teams", "Athletes", "Users", "Invitations", "Wellness"],
        ["Sessions"],
        ["Technique"],
        ["Load"],
        ["Forecasting"],
        ["Plans"],
        ["Media"],
        ["Exports"],
        ["Seeding"],
    ];

    [Fact]
    public void EnginesReferenceNoPortalWebDatabaseOrJobPackage()
    {
        string[] forbidden = ["CoachPortal.Core", "CoachPortal.Web", "Microsoft.EntityFrameworkCore", "Hangfire", "Microsoft.AspNetCore"];
        foreach (var engine in s_engines)
        {
            var references = engine.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void EnginesDoNotReferenceEachOther()
    {
        var names = s_engines.Select(e => e.GetName().Name!).ToHashSet();
        foreach (var engine in s_engines)
        {
            Assert.DoesNotContain(engine.GetReferencedAssemblies(), r => names.Contains(r.Name!) && r.Name != engine.GetName().Name);
        }
    }

    [Fact]
    public void CoreNeverReferencesTheWeb()
    {
        Assert.DoesNotContain(s_core.GetReferencedAssemblies(), r => r.Name!.StartsWith("CoachPortal.Web", StringComparison.Ordinal)
            || r.Name.StartsWith("MudBlazor", StringComparison.Ordinal));
        Assert.Contains(s_web.GetReferencedAssemblies(), r => r.Name == s_core.GetName().Name);
    }

    public static TheoryData<string> Features() => [.. s_featureOrder.SelectMany(layer => layer)];

    [Theory]
    [MemberData(nameof(Features))]
    public void AFeatureUsesOnlyTheFeaturesBeforeIt(string feature)
    {
        var layer = Array.FindIndex(s_featureOrder, l => l.Contains(feature));
        var later = s_featureOrder.Skip(layer + 1).SelectMany(l => l).ToArray();
        if (later.Length == 0)
        {
            return;
        }

        var rule = Types().That().ResideInNamespaceMatching(Room(feature)).Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching($"^CoachPortal\\.Core\\.({string.Join('|', later)})(\\..*)?$"))
            .Because($"{feature} comes before {string.Join(", ", later)} in the feature order");
        rule.Check(s_architecture);
    }

    [Fact]
    public void TheFeatureRuleSeesRealDependencies()
    {
        // Plans do use daily loads: the same rule written the wrong way round must fail, or the rules above prove nothing.
        var reversed = Types().That().ResideInNamespaceMatching(Room("Plans")).Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching(Room("Load")));
        Assert.False(reversed.HasNoViolations(s_architecture));
    }

    [Fact]
    public void EveryCoreFeatureFolderHasItsPlaceInTheOrder()
    {
        string[] floor = ["Data", "Security", "Jobs", "Notifications", "Health", "Audit"];
        var rooms = s_core.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("CoachPortal.Core.", StringComparison.Ordinal))
            .Select(n => n!.Split('.')[2])
            .Distinct()
            .Where(r => !floor.Contains(r));
        Assert.All(rooms, r => Assert.Contains(s_featureOrder, l => l.Contains(r)));
    }

    private static string Room(string feature) => $"^CoachPortal\\.Core\\.{feature}(\\..*)?$";
}
