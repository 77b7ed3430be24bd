namespace CoachPortal.Ingest.Tests.Wellness;

/// <summary>The PMData participants next to the repository (../shared/data/pmdata); skipped locally when absent, required under CI.</summary>
internal static class PmData
{
    public static string Require()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "pmdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false" && ci != "0")
        {
            throw new InvalidOperationException("The PMData folder (../shared/data/pmdata next to the repository) is missing, and CI is set.");
        }

        Skip.If(true, "PMData not found (expected shared/data/pmdata next to the repository); test skipped.");
        return string.Empty;
    }
}
