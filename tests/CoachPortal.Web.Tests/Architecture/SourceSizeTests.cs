namespace CoachPortal.Web.Tests.Architecture;

/// <summary>
/// House rules on size: a source file of more than <see cref="MaxLines"/> lines wants splitting, and a folder that
/// directly holds more than <see cref="MaxFilesPerFolder"/> source files wants sub-folders.
/// </summary>
public sealed class SourceSizeTests
{
    private const int MaxLines = 500;
    private const int MaxFilesPerFolder = 30;

    private static readonly string s_sourceRoot = Path.Combine(RepositoryRoot(), "src");

    [Fact]
    public void TheSourceTreeIsFound() => Assert.NotEmpty(SourceFiles());

    [Fact]
    public void NoSourceFileIsLongerThanTheLimit()
    {
        var tooLong = SourceFiles()
            .Select(f => (File: Relative(f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File} ({f.Lines} lines)")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Over {MaxLines} lines: {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void NoFolderHoldsMoreSourceFilesThanTheLimit()
    {
        var crowded = SourceFiles()
            .GroupBy(f => Path.GetDirectoryName(f)!)
            .Where(g => g.Count() > MaxFilesPerFolder)
            .Select(g => $"{Relative(g.Key)} ({g.Count()} files)")
            .ToList();

        Assert.True(crowded.Count == 0, $"Over {MaxFilesPerFolder} source files: {string.Join(", ", crowded)}");
    }

    // .cs and .razor under src/, without build output and the files EF generates for migrations.
    private static List<string> SourceFiles() =>
    [
        .. Directory.EnumerateFiles(s_sourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !Relative(f).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Where(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal) && !f.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal)),
    ];

    private static string Relative(string path) => Path.GetRelativePath(s_sourceRoot, path);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CoachPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
