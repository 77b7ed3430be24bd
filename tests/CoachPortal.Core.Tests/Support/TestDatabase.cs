using CoachPortal.Core.Data;
using Microsoft.Data.SqlClient;

namespace CoachPortal.Core.Tests.Support;

/// <summary>
/// Which database the test hosts run on: a SQLite file in the host's folder (default), or, when
/// <c>COACHPORTAL_TEST_SQLSERVER</c> holds a connection string, a fresh database of that SQL Server for each host,
/// dropped when the host is disposed. The variable only switches the provider: no test is skipped either way.
/// </summary>
public sealed class TestDatabase
{
    public const string SqlServerVariable = "COACHPORTAL_TEST_SQLSERVER";

    private readonly string? _connectionString;
    private readonly string? _master;

    public TestDatabase()
    {
        var server = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return;
        }

        var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = "coachportal_test_" + Guid.NewGuid().ToString("N") };
        _connectionString = builder.ConnectionString;
        _master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString;
        Name = builder.InitialCatalog;
    }

    public static bool UsesSqlServer => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable));

    public DatabaseProvider Provider => _connectionString is null ? DatabaseProvider.Sqlite : DatabaseProvider.SqlServer;

    /// <summary>The SQL Server database's name; null on SQLite.</summary>
    public string? Name { get; }

    /// <summary>The SQL Server connection string; null on SQLite.</summary>
    public string? ConnectionString => _connectionString;

    /// <summary>Configuration keys that point a host at this database (none on SQLite, whose file follows Database:DataDirectory).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _connectionString is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.SqlServer),
            ["ConnectionStrings:SqlServer"] = _connectionString,
        };

    /// <summary>Creates the SQL Server database, empty, before the host starts (its job storage needs it at once).</summary>
    public void Create() => Execute($"IF DB_ID(N'{Name}') IS NULL CREATE DATABASE [{Name}];");

    public void Drop()
    {
        SqlConnection.ClearAllPools();
        Execute($"IF DB_ID(N'{Name}') IS NOT NULL BEGIN ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]; END;");
    }

    private void Execute(string sql)
    {
        if (_master is null)
        {
            return;
        }

        using var connection = new SqlConnection(_master);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
