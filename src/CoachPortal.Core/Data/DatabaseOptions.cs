using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Data;

/// <summary>Where the portal keeps its data. Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (default: a file under <see cref="DataDirectory"/>) or SqlServer (<c>ConnectionStrings:SqlServer</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Folder for the SQLite files (portal and job storage), relative to the content root unless absolute.
    /// Default <c>data</c>. Keep it outside the web root: it holds every account and uploaded file.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up (default true). Turn off where a DBA applies the scripts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
