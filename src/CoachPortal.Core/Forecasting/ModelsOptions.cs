using System.ComponentModel.DataAnnotations;
using CoachPortal.Learning;

namespace CoachPortal.Core.Forecasting;

/// <summary>Training and scoring settings of this node. Section <c>Models</c>.</summary>
public sealed class ModelsOptions
{
    public const string SectionName = "Models";

    /// <summary>Execution provider for training (default Auto: CUDA when its provider loads, else CPU with the reason recorded). Cuda fails the run on a node without a GPU.</summary>
    public DevicePreference Device { get; set; } = DevicePreference.Auto;

    /// <summary>ONNX Runtime threads for training (default 0: all cores). Lower it where the web app shares the machine.</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>Cron of the nightly scoring job (default 02:30 UTC every day).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^\S+( \S+){4,5}$", ErrorMessage = "Models:ScoringCron must be a cron expression of 5 or 6 fields.")]
    public string ScoringCron { get; set; } = "30 2 * * *";

    /// <summary>Athletes scored per batch (default 256).</summary>
    [Range(1, 100_000)]
    public int ScoringBatchSize { get; set; } = 256;
}
