using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachPortal.Core.Tests.Support;

/// <summary>Records the text of every query a context runs asynchronously, to count what a service reads.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    public List<string> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
