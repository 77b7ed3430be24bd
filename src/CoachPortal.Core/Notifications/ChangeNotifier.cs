using System.Collections.Concurrent;

namespace CoachPortal.Core.Notifications;

/// <summary>
/// Tells open pages in this process that something they show has changed, so they reload it without the user
/// refreshing. Only a hint: pages read the truth from the database (and poll while a job runs, since a job may
/// run on another node that cannot reach this notifier).
/// </summary>
public sealed class ChangeNotifier
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _handlers = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string topic, Func<Task> handler)
    {
        _handlers.AddOrUpdate(topic, _ => new ImmutableHandlers([handler]), (_, h) => new ImmutableHandlers([.. h.Items, handler]));
        return new Subscription(this, topic, handler);
    }

    public void Publish(string topic)
    {
        if (!_handlers.TryGetValue(topic, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Items)
        {
            // Fire and forget by design: a slow or disconnected page must not hold up the job that changed the data.
            _ = InvokeAsync(handler);
        }
    }

    private static async Task InvokeAsync(Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (ObjectDisposedException)
        {
            // The page's circuit has gone; its subscription is disposed with it.
        }
    }

    private void Unsubscribe(string topic, Func<Task> handler)
    {
        _handlers.AddOrUpdate(topic, _ => new ImmutableHandlers([]), (_, h) => new ImmutableHandlers(h.Items.Where(x => x != handler).ToArray()));
    }

    private sealed record ImmutableHandlers(Func<Task>[] Items);

    private sealed class Subscription(ChangeNotifier owner, string topic, Func<Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(topic, handler);
            }
        }
    }
}
