using System.Globalization;
using System.Text.RegularExpressions;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoachPortal.Core.Tests.Data;

/// <summary>
/// The SQL Server migrations and model checked without a server: the idempotent deployment script parses as
/// T-SQL, carries nothing of SQLite's dialect, and every key fits SQL Server's limits.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    // Nonclustered index keys may be 1700 bytes, clustered (the primary keys here) 900 (SQL Server 2016+).
    private const int MaxNonclusteredKeyBytes = 1700;
    private const int MaxClusteredKeyBytes = 900;

    /// <summary>
    /// Primary keys declared wider than 900 bytes because Identity's user, role and login keys are nvarchar(450).
    /// SQL Server creates them with warning 1945 and refuses only a row whose key is really that wide; the values are
    /// 36-character GUIDs (72 bytes) and short provider names, so no insert reaches the limit. Any other key over the
    /// limit, or an nvarchar(max) in any key, fails this test.
    /// </summary>
    private static readonly string[] DeclaredOverClusteredLimit =
    [
        "AspNetUserPasskeys.PK_AspNetUserPasskeys",
        "AspNetUserRoles.PK_AspNetUserRoles",
        "AspNetUserTokens.PK_AspNetUserTokens",
        "TeamCoaches.PK_TeamCoaches",
    ];

    [Fact]
    public void TheIdempotentMigrationScriptParsesAsTSqlWithoutErrors()
    {
        var script = IdempotentScript();

        Assert.Contains("CREATE TABLE [Athletes]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Empty(SqlServerText.ParseErrors(script));
    }

    [Fact]
    public void TheMigrationScriptHasNoSqliteDialect()
    {
        var script = IdempotentScript();

        Assert.Empty(SqliteDialect().Matches(script).Select(m => m.Value).Distinct());
    }

    [Fact]
    public void TheParserRejectsSqliteDialectSoTheChecksCanFail()
    {
        Assert.NotEmpty(SqlServerText.ParseErrors("CREATE TABLE t (Id INTEGER PRIMARY KEY AUTOINCREMENT); INSERT OR REPLACE INTO t VALUES (1);"));
        Assert.Matches(SqliteDialect(), "INSERT OR IGNORE INTO t VALUES (1)");
    }

    [Fact]
    public void EveryIndexKeyFitsSqlServerLimits()
    {
        using var db = SqlServerText.CreateContext();
        var tooLarge = new List<string>();
        foreach (var table in DesignModel(db).GetRelationalModel().Tables)
        {
            if (table.PrimaryKey is { } pk && KeyBytes(pk.Columns) is var pkBytes && pkBytes > MaxClusteredKeyBytes)
            {
                tooLarge.Add($"{table.Name}.{pk.Name}");
            }

            foreach (var index in table.Indexes)
            {
                if (KeyBytes(index.Columns) is var bytes && bytes > MaxNonclusteredKeyBytes)
                {
                    tooLarge.Add($"{table.Name}.{index.Name}");
                }
            }

            foreach (var unique in table.UniqueConstraints.Where(u => u != table.PrimaryKey))
            {
                if (KeyBytes(unique.Columns) is var bytes && bytes > MaxNonclusteredKeyBytes)
                {
                    tooLarge.Add($"{table.Name}.{unique.Name}");
                }
            }
        }

        Assert.Equal(DeclaredOverClusteredLimit.Order(StringComparer.Ordinal), tooLarge.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KeySizesAreReadFromStoreTypes()
    {
        Assert.Equal(900, ColumnBytes("nvarchar(450)"));
        Assert.Equal(16, ColumnBytes("uniqueidentifier"));
        Assert.Equal(int.MaxValue, ColumnBytes("nvarchar(max)"));
        Assert.Equal(9, ColumnBytes("decimal(18,2)"));
    }

    [Fact]
    public void DecimalsAndDatesUseTypesSqlServerHas()
    {
        using var db = SqlServerText.CreateContext();
        var columns = DesignModel(db).GetRelationalModel().Tables.SelectMany(t => t.Columns.Select(c => (Table: t.Name, c.Name, c.StoreType))).ToList();

        Assert.NotEmpty(columns);
        var unknown = columns.Where(c => ColumnBytes(c.StoreType) == 0).Select(c => $"{c.Table}.{c.Name} {c.StoreType}").ToList();
        Assert.Empty(unknown);
        var decimals = columns.Select(c => DecimalType().Match(c.StoreType)).Where(m => m.Success).ToList();
        Assert.All(decimals, m => Assert.InRange(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 1, 38));
    }

    private static string IdempotentScript()
    {
        using var db = SqlServerText.CreateContext();
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    private static IModel DesignModel(DbContext db) => db.GetService<IDesignTimeModel>().Model;

    private static long KeyBytes(IEnumerable<IColumn> columns) => columns.Sum(c => (long)ColumnBytes(c.StoreType));

    /// <summary>Bytes a value of the store type may take in an index key; <see cref="int.MaxValue"/> for (max), 0 when unknown.</summary>
    private static int ColumnBytes(string storeType)
    {
        var type = storeType.ToLowerInvariant();
        if (type.EndsWith("(max)", StringComparison.Ordinal))
        {
            return int.MaxValue;
        }

        var sized = SizedType().Match(type);
        if (sized.Success)
        {
            var length = int.Parse(sized.Groups[2].Value, CultureInfo.InvariantCulture);
            return sized.Groups[1].Value switch
            {
                "nvarchar" or "nchar" => 2 * length,
                "varchar" or "char" or "varbinary" or "binary" => length,
                "decimal" or "numeric" => length switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
                "datetime2" or "time" => 8,
                "datetimeoffset" => 10,
                _ => 0,
            };
        }

        return type switch
        {
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" or "date" => 4,
            "bigint" or "float" or "datetime2" or "datetime" or "time" or "money" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            _ => 0,
        };
    }

    [GeneratedRegex(@"\bAUTOINCREMENT\b|\bINSERT\s+OR\s+\w+|\bPRAGMA\b|\bsqlite_\w+|\bON\s+CONFLICT\b|\bWITHOUT\s+ROWID\b|\bCOLLATE\s+NOCASE\b|\bTEXT\s+COLLATE\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteDialect();

    [GeneratedRegex(@"^(\w+)\((\d+)(?:,\s*\d+)?\)$")]
    private static partial Regex SizedType();

    [GeneratedRegex(@"^(?:decimal|numeric)\((\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalType();
}
