using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;

namespace CoachPortal.Core.Jobs;

/// <summary>
/// The ids of the jobs that have a queue entry in one queue: waiting to be fetched, or fetched. The SQLite storage's
/// monitoring API cannot list a job that holds two fetched entries (it throws), so there the entries are read
/// through the storage's own queue API; other storages answer through the monitoring API.
/// </summary>
internal sealed record QueueEntries(IReadOnlySet<string> Waiting, IReadOnlySet<string> Fetched)
{
    private const int PageSize = 500;

    public static QueueEntries Of(JobStorage storage, IMonitoringApi monitoring, string queue)
    {
        if (storage is SQLiteStorage sqlite)
        {
            using var context = sqlite.CreateAndOpenConnection();
            var api = sqlite.QueueProviders.GetProvider(queue).GetJobQueueMonitoringApi(context);
            return new QueueEntries(
                Ids(api.GetEnqueuedJobIds(queue, 0, int.MaxValue).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                Ids(api.GetFetchedJobIds(queue, 0, int.MaxValue).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        return new QueueEntries(
            Ids(Pages(from => monitoring.EnqueuedJobs(queue, from, PageSize).Select(j => j.Key))),
            Ids(Pages(from => monitoring.FetchedJobs(queue, from, PageSize).Select(j => j.Key))));
    }

    private static HashSet<string> Ids(IEnumerable<string> ids) => ids.ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Pages(Func<int, IEnumerable<string>> page)
    {
        for (var from = 0; ; from += PageSize)
        {
            var ids = page(from).ToList();
            foreach (var id in ids)
            {
                yield return id;
            }

            if (ids.Count < PageSize)
            {
                yield break;
            }
        }
    }
}
