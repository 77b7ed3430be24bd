namespace CoachPortal.Bench;

internal static class PmcBenchmark
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("pmc benchmark not written yet");
        return 1;
    }
}
