using CoachPortal.Core.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CoachPortal.Core.Tests.Support;

/// <summary>
/// A context built for SQL Server that never connects (scripting and <c>ToQueryString</c> need no server),
/// and the T-SQL parser of SQL Server 2022 to read what it writes.
/// </summary>
public static class SqlServerText
{
    public static AppDbContext CreateContext() => new(DependencyInjection.CreateStandaloneOptions(
        DatabaseProvider.SqlServer, Path.GetTempPath(), "Server=unreachable.invalid;Database=CoachPortal;TrustServerCertificate=True"));

    /// <summary>The parse errors of <paramref name="sql"/>, each as "line:column message".</summary>
    public static IReadOnlyList<string> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList();
    }
}
