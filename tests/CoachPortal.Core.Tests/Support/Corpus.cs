namespace CoachPortal.Core.Tests.Support;

/// <summary>The shared device-file corpus, found by walking up from the test binaries (never copied into the repository).</summary>
internal static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Find);

    public static string? Root => s_root.Value;

    public static byte[] Read(string relativePath)
    {
        var root = Root ?? throw new InvalidOperationException("The shared corpus folder (shared/corpus) was not found above the test binaries.");
        return File.ReadAllBytes(Path.Combine(root, relativePath));
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
