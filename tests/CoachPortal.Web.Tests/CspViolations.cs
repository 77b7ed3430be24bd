using System.Collections.Concurrent;
using System.Reflection;
using Xunit.Sdk;

namespace CoachPortal.Web.Tests;

/// <summary>
/// Content-Security-Policy violations that any browser page of the suite reported in its console. Every browser
/// journey carries <see cref="AssertNoCspViolationsAttribute"/>, which fails it when its pages reported one.
/// </summary>
public static class CspViolations
{
    private static readonly ConcurrentQueue<string> s_seen = new();

    public static void Record(string message) => s_seen.Enqueue(message);

    public static IReadOnlyList<string> TakeAll()
    {
        var taken = new List<string>();
        while (s_seen.TryDequeue(out var m))
        {
            taken.Add(m);
        }

        return taken;
    }

    /// <summary>True for the console lines Chromium writes when the policy blocks something.</summary>
    public static bool IsViolation(string consoleText) =>
        consoleText.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
        || consoleText.Contains("securitypolicyviolation", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Fails a browser journey whose pages reported any Content-Security-Policy violation.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AssertNoCspViolationsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => CspViolations.TakeAll();

    public override void After(MethodInfo methodUnderTest)
    {
        var violations = CspViolations.TakeAll();
        if (violations.Count > 0)
        {
            throw new InvalidOperationException($"{violations.Count} Content-Security-Policy violation(s):\n" + string.Join("\n", violations));
        }
    }
}
