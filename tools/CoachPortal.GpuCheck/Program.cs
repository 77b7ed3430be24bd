using System.Globalization;
using System.Text;
using CoachPortal.GpuCheck;

// CPU vs CUDA parity and median step/inference times for each model at a small and a large size.
// Usage: CoachPortal.GpuCheck [--small-only] [--steps N] [--threads N] [--out table.md]
var argsList = args.ToList();
if (argsList.Contains("--help") || argsList.Contains("-h"))
{
    Console.WriteLine("CoachPortal.GpuCheck [--small-only] [--steps N] [--threads N] [--out table.md]");
    Console.WriteLine("  --small-only  skip the large sizes (slow on CPU)   --steps  timed steps per device (default 20; 3 for large sizes on CPU)");
    Console.WriteLine("  --threads     ONNX Runtime intra-op threads (default: all cores)   --out  also write the table to a file");
    return 0;
}

bool smallOnly = argsList.Contains("--small-only");
int steps = argsList.IndexOf("--steps") is var s and >= 0 ? int.Parse(argsList[s + 1], CultureInfo.InvariantCulture) : 20;
int threads = argsList.IndexOf("--threads") is var t and >= 0 ? int.Parse(argsList[t + 1], CultureInfo.InvariantCulture) : 0;
string? outPath = argsList.IndexOf("--out") is var o and >= 0 ? argsList[o + 1] : null;

var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

Line($"CoachPortal.GpuCheck {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, intra-op threads {(threads == 0 ? "default" : threads.ToString(CultureInfo.InvariantCulture))}");
string? cudaReason = null;
var results = new List<CheckResult>();
foreach (var c in CheckCase.All.Where(c => !smallOnly || !c.IsLarge))
{
    var runner = new CaseRunner(c);
    // a large case on CPU alone takes seconds per step: fewer timed steps there
    int cpuSteps = c.IsLarge ? Math.Min(steps, 3) : steps;
    var cpu = runner.Run(DevicePreference.Cpu, cpuSteps, cpuSteps, threads)!;
    var cuda = cudaReason is null ? runner.Run(DevicePreference.Cuda, steps, steps, threads) : null;
    if (cuda is null && cudaReason is null)
    {
        cudaReason = "CUDA execution provider did not load (no GPU, or CUDA 13 / cuDNN 9 not on the loader path)";
        Console.WriteLine($"CUDA unavailable: {cudaReason}; timing CPU only.");
    }

    (double Loss, double Weights)? parity = cuda is null ? null : CaseRunner.Relative(cpu, cuda);
    results.Add(new CheckResult(c, cpu.StepMs, cpu.StepProcessCpuMs, cpu.InferMs, cuda?.StepMs, cuda?.InferMs, parity?.Loss, parity?.Weights));
    Console.WriteLine($"  {c.Name}: done");
}

Line(cudaReason is null ? "CUDA: available" : $"CUDA: unavailable ({cudaReason})");
Line("");
Line("| model | batch | T | F | hidden | CPU step ms | CPU step, process CPU ms | CPU infer ms | CUDA step ms | CUDA infer ms | parity loss rel | parity weights rel |");
Line("|---|---|---|---|---|---|---|---|---|---|---|---|");
static string F(double? v) => v is { } x ? x.ToString(x < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "n/a";
static string E(double? v) => v is { } x ? x.ToString("0.0e+0", CultureInfo.InvariantCulture) : "n/a";
foreach (var r in results)
{
    var c = r.Case;
    Line($"| {c.Name} | {c.Batch} | {c.Steps} | {c.Features} | {c.Hidden} | {F(r.CpuStepMs)} | {F(r.CpuStepProcessMs)} | {F(r.CpuInferMs)} | {F(r.CudaStepMs)} | {F(r.CudaInferMs)} | {E(r.LossRelative)} | {E(r.WeightRelative)} |");
}

bool ok = results.All(r => r.ParityOk);
Line("");
Line(cudaReason is not null ? "Parity: not checked (no CUDA)." : ok ? $"Parity: all within {CheckResult.Tolerance:0e+0} relative." : "Parity: FAILED.");
if (outPath is not null)
{
    File.WriteAllText(outPath, report.ToString());
}

return ok ? 0 : 1;
