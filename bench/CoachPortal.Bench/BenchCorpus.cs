namespace CoachPortal.Bench;

/// <summary>The shared corpus of real device files, found beside the repository (the benches read it in place).</summary>
internal static class BenchCorpus
{
    /// <summary>The first <c>shared/corpus</c> folder above the bench's binaries; null when there is none.</summary>
    public static string? Find()
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
