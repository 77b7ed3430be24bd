using System.Runtime.InteropServices;

namespace CoachPortal.Learning.Tests.Support;

/// <summary>
/// What native code writes to the process's standard error (file descriptor 2) while an action runs: ONNX Runtime's
/// own logger writes there, past .NET's Console. Linux only; elsewhere the action runs and nothing is captured.
/// </summary>
internal static partial class NativeStderr
{
    private const int StderrFd = 2;

    public static string Capture(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!OperatingSystem.IsLinux())
        {
            action();
            return "";
        }

        var path = Path.Combine(Path.GetTempPath(), $"stderr-{Guid.NewGuid():N}.txt");
        var saved = Dup(StderrFd);
        Assert.True(saved >= 0, "dup(2) failed");
        try
        {
            using (var file = File.Open(path, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                Assert.Equal(StderrFd, Dup2((int)file.SafeFileHandle.DangerousGetHandle(), StderrFd));
                try
                {
                    action();
                }
                finally
                {
                    Assert.Equal(StderrFd, Dup2(saved, StderrFd));
                }
            }

            return File.ReadAllText(path);
        }
        finally
        {
            Assert.Equal(0, Close(saved));
            File.Delete(path);
        }
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
