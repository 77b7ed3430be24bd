using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoachPortal.Bench;

/// <summary>
/// The circuits the server holds open (connected or not) and those with a live connection, and how long the server
/// spends on each inbound activity (a browser event with its handler and render, a JS interop answer, a render ack).
/// </summary>
internal sealed class CircuitCounter : CircuitHandler
{
    private int _open;
    private int _connected;

    public int Open => Volatile.Read(ref _open);

    /// <summary>Milliseconds per inbound activity since the last <see cref="TakeActivities"/>.</summary>
    public ConcurrentQueue<double> Activities { get; private set; } = new();

    public IReadOnlyList<double> TakeActivities()
    {
        var taken = Activities;
        Activities = new ConcurrentQueue<double>();
        return [.. taken.Order()];
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var start = Stopwatch.GetTimestamp();
            await next(context);
            Activities.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        };

    public int Connected => Volatile.Read(ref _connected);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connected);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _connected);
        return Task.CompletedTask;
    }
}
