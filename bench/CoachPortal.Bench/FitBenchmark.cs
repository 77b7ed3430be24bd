namespace CoachPortal.Bench;

internal static class FitBenchmark
{
    public static int Run(string[] files)
    {
        Console.Error.WriteLine("fit benchmark not written yet");
        return 1;
    }
}
