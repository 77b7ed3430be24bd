using System.Globalization;

namespace CoachPortal.Bench;

/// <summary>The server's memory at one moment: managed heap after full collections, working set, circuits it holds.</summary>
internal sealed record MemoryFigures(long ManagedBytes, long WorkingSetBytes, int Open, int Connected);

/// <summary>What <c>circuits</c> measured, printed as Markdown tables, the extrapolation to 500 and one summary line.</summary>
internal sealed record CircuitFigures(
    MemoryFigures Before,
    MemoryFigures Idle,
    double BrowserMegabytes,
    double OpenSeconds,
    IReadOnlyList<double> LatenciesMs,
    double EventSeconds,
    double ServerCpuSeconds,
    long MachineBusyJiffies,
    long MachineTotalJiffies,
    IReadOnlyList<double> ServerActivitiesMs)
{
    private const int Target = 500;

    public void Print(int count, string screen)
    {
        if (LatenciesMs.Count == 0)
        {
            PrintMemory(count);
            return;
        }

        var managedPerCircuit = (Idle.ManagedBytes - Before.ManagedBytes) / (double)count;
        var workingSetPerCircuit = (Idle.WorkingSetBytes - Before.WorkingSetBytes) / (double)count;
        var p50 = Percentile(0.50);
        var p95 = Percentile(0.95);
        var cpuPerEventMs = ServerCpuSeconds * 1000 / LatenciesMs.Count;
        var cores = Environment.ProcessorCount;
        var line = (FormattableString f) => Console.WriteLine(f.ToString(CultureInfo.InvariantCulture));

        Console.WriteLine();
        Console.WriteLine("| server | circuits open / connected | managed heap MiB | working set MiB |");
        Console.WriteLine("|---|---|---|---|");
        line($"| one warm-up page | {Before.Open} / {Before.Connected} | {Mib(Before.ManagedBytes):F1} | {Mib(Before.WorkingSetBytes):F0} |");
        line($"| {count} more pages idle | {Idle.Open} / {Idle.Connected} | {Mib(Idle.ManagedBytes):F1} | {Mib(Idle.WorkingSetBytes):F0} |");
        line($"| per circuit | | {managedPerCircuit / 1024:F0} KB | {workingSetPerCircuit / 1024:F0} KB |");
        line($"| {Target} circuits (linear) | | {Mib(Before.ManagedBytes + (Target - 1) * managedPerCircuit):F0} | {Mib(Before.WorkingSetBytes + (Target - 1) * workingSetPerCircuit):F0} |");
        Console.WriteLine();
        line($"browser: {BrowserMegabytes:F0} MiB proportional set size for {count + 1} pages ({BrowserMegabytes / (count + 1):F0} MiB a page, Playwright's driver included); opening took {OpenSeconds:F0} s");
        Console.WriteLine();
        Console.WriteLine("| UI event | events | p50 ms | p95 ms | max ms | server CPU ms per event | server CPU | machine busy |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var machineBusy = MachineTotalJiffies == 0 ? 0 : 100.0 * MachineBusyJiffies / MachineTotalJiffies;
        var serverShare = 100.0 * ServerCpuSeconds / EventSeconds / cores;
        line($"| {EventName(screen)}, {count + 1} pages at once | {LatenciesMs.Count} | {p50:F0} | {p95:F0} | {LatenciesMs[^1]:F0} | {cpuPerEventMs:F1} | {serverShare:F0} % of {cores} cores | {machineBusy:F0} % |");
        if (ServerActivitiesMs.Count > 0)
        {
            line($"| server side: each inbound activity (event with handler and render, interop answer, render ack) | {ServerActivitiesMs.Count} | {At(ServerActivitiesMs, 0.5):F1} | {At(ServerActivitiesMs, 0.95):F1} | {ServerActivitiesMs[^1]:F0} | | | |");
        }

        Console.WriteLine();
        // The server's CPU per event is taken as constant; events fired together queue on its cores.
        var queuedP95 = 0.95 * Target * cpuPerEventMs / cores;
        line($"extrapolation to {Target} circuits: memory linear in circuits (table above); latency, if the server's CPU per event stays {cpuPerEventMs:F1} ms and {Target} events arrive at once, they queue on {cores} cores: p95 ≈ {queuedP95:F0} ms of server time alone; spread over time the server sustains ≈ {cores * 1000 / cpuPerEventMs:F0} events/s");
        line($"circuits: {Idle.Open} open, {managedPerCircuit / 1024:F0} KB managed per idle circuit, {workingSetPerCircuit / 1024:F0} KB working set per circuit, UI event p50 {p50:F0} ms p95 {p95:F0} ms");
    }

    private static string EventName(string screen) => screen == "calendar"
        ? "team calendar: next / previous week, until the week's planned sessions show"
        : "athlete dashboard: range 6 wk / 3 mo, until the PMC chart is redrawn";

    private void PrintMemory(int count)
    {
        var managedPerCircuit = (Idle.ManagedBytes - Before.ManagedBytes) / (double)count;
        var workingSetPerCircuit = (Idle.WorkingSetBytes - Before.WorkingSetBytes) / (double)count;
        Console.WriteLine(FormattableString.Invariant(
            $"memory only: {Idle.Open} open ({Idle.Connected} connected), managed {Mib(Before.ManagedBytes):F1} → {Mib(Idle.ManagedBytes):F1} MiB, {managedPerCircuit / 1024:F0} KB managed and {workingSetPerCircuit / 1024:F0} KB working set per circuit; browser {BrowserMegabytes:F0} MiB"));
    }

    private double Percentile(double p) => At(LatenciesMs, p);

    private static double At(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Mib(double bytes) => bytes / 1048576.0;
}
