using System.Text.Json;

namespace CoachPortal.Ingest.Tests;

/// <summary>
/// The shared corpus lives next to the repository (../shared/corpus). Tests that need it call <see cref="Require"/>:
/// it skips with a visible reason when the folder is absent locally, and fails under CI.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Find);
    private static readonly Lazy<JsonDocument> s_scanFacts = new(() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Require(), "oracles", "scan-facts.json"))));

    public static string Require()
    {
        var root = s_root.Value;
        if (root is not null)
        {
            return root;
        }

        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false" && ci != "0")
        {
            throw new InvalidOperationException("The shared corpus (../shared/corpus next to the repository) is missing, and CI is set: conformance tests must run.");
        }

        Skip.If(true, "Shared corpus not found (expected a shared/corpus folder next to the repository); conformance test skipped.");
        return string.Empty;
    }

    public static string PathOf(string relative) => Path.Combine(Require(), relative.Replace('/', Path.DirectorySeparatorChar));

    public static byte[] Read(string relative) => File.ReadAllBytes(PathOf(relative));

    public static JsonElement ScanFacts => s_scanFacts.Value.RootElement;

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
