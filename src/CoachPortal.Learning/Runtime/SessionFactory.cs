using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.Learning.Runtime;

/// <summary>
/// Creates sessions on CUDA when its provider loads, else on CPU. ORT 1.31's CUDA provider needs CUDA 13 and cuDNN 9
/// on the loader path and throws <see cref="OnnxRuntimeException"/> when they are missing; GetAvailableProviders()
/// lists CUDA even without a GPU, so trying is the only reliable test.
/// </summary>
internal static class SessionFactory
{
    // Without the NVIDIA driver the CUDA provider cannot load; trying anyway costs a long native error per session
    // (library paths, error codes) in the logs of every machine without a GPU.
    private static readonly Lazy<string?> s_noDriver = new(NoDriverReason);

    public static DeviceSession Create(byte[] model, DevicePreference preference, int cudaDeviceId, int intraOpThreads, Action<string>? log)
    {
        string reason;
        if (preference == DevicePreference.Auto && s_noDriver.Value is { } noDriver)
        {
            reason = noDriver;
        }
        else if (preference != DevicePreference.Cpu)
        {
            try
            {
                using var options = Options(intraOpThreads, cudaDeviceId);
                var session = new InferenceSession(model, options);
                reason = $"CUDA execution provider loaded (device {cudaDeviceId})";
                log?.Invoke($"Learning engine: running on CUDA: {reason}.");
                return new DeviceSession(session, ExecutionDevice.Cuda, reason);
            }
            catch (OnnxRuntimeException ex)
            {
                if (preference == DevicePreference.Cuda)
                {
                    throw new LearningException($"CUDA was required but its execution provider did not load: {ex.Message}", ex);
                }

                reason = $"CUDA execution provider did not load: {FirstLine(ex.Message)}";
            }
        }
        else
        {
            reason = "CPU requested";
        }

        log?.Invoke($"Learning engine: running on CPU ({reason}).");
        using var cpuOptions = Options(intraOpThreads, null);
        return new DeviceSession(new InferenceSession(model, cpuOptions), ExecutionDevice.Cpu, reason);
    }

    public static SessionOptions Options(int intraOpThreads, int? cudaDeviceId)
    {
        var options = new SessionOptions
        {
            // ALL halved the step time at T=365 compared with no optimisation (prototype measurement)
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        if (cudaDeviceId is { } id)
        {
            try
            {
                using var cuda = new OrtCUDAProviderOptions();
                cuda.UpdateOptions(new Dictionary<string, string>
                {
                    ["device_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["arena_extend_strategy"] = "kSameAsRequested",
                    ["cudnn_conv_algo_search"] = "HEURISTIC",
                    ["do_copy_in_default_stream"] = "1",
                });
                options.AppendExecutionProvider_CUDA(cuda);
            }
            catch
            {
                options.Dispose();
                throw;
            }
        }

        return options;
    }

    private static string? NoDriverReason()
    {
        var driver = OperatingSystem.IsWindows() ? "nvcuda.dll" : OperatingSystem.IsLinux() ? "libcuda.so.1" : null;
        if (driver is null)
        {
            return "no CUDA on this operating system";
        }

        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(driver, out var handle))
        {
            return "no NVIDIA driver on this machine, CUDA not tried";
        }

        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return null;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
