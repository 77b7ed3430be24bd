using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachPortal.Web.Tests.Api;

/// <summary>Counts the commands each request path sends; commands outside a request (schedules) are not counted.</summary>
internal sealed class RequestCommands : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _paths = new();

    public IHttpContextAccessor? Requests { get; set; }

    public void Clear() => _paths.Clear();

    public int For(string path) => _paths.Count(p => p == path);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record();
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record()
    {
        if (Requests?.HttpContext?.Request is { } request)
        {
            _paths.Enqueue(request.Path + request.QueryString);
        }
    }
}
