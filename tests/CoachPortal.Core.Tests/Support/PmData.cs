namespace CoachPortal.Core.Tests.Support;

/// <summary>
/// The PMData participants next to the repository (../shared/data/pmdata; Thambawita et al., "PMData: A Sports Logging
/// Dataset", ACM MMSys 2020, doi:10.1145/3339825.3394926, CC BY 4.0), never copied into the repository.
/// </summary>
internal static class PmData
{
    private static readonly Lazy<string?> s_root = new(Find);

    public static string ReadText(string participant, string file)
    {
        var root = s_root.Value ?? throw new InvalidOperationException("The PMData folder (shared/data/pmdata next to the repository) was not found above the test binaries.");
        return File.ReadAllText(Path.Combine(root, participant, "pmsys", file));
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "pmdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
