namespace CoachPortal.Learning;

/// <summary>Keys of the metadata_props the engine writes into every exported model.</summary>
public static class ModelMetadataKeys
{
    /// <summary>Version of this metadata layout ("1").</summary>
    public const string FormatVersion = "coachportal.format_version";

    /// <summary>The <see cref="ModelKind"/> name.</summary>
    public const string Kind = "coachportal.model_kind";

    /// <summary>The <see cref="LossKind"/> name.</summary>
    public const string Loss = "coachportal.loss";

    /// <summary>Steps per sample the model expects.</summary>
    public const string Steps = "coachportal.steps";

    /// <summary>Features per step the model expects.</summary>
    public const string Features = "coachportal.features";

    /// <summary>Number of classes (categorical models; 0 otherwise).</summary>
    public const string Classes = "coachportal.classes";

    /// <summary>JSON array of feature names, when the dataset named them.</summary>
    public const string FeatureNames = "coachportal.feature_names";

    /// <summary>JSON array of per-feature training means used for standardisation.</summary>
    public const string FeatureMean = "coachportal.feature_mean";

    /// <summary>JSON array of per-feature training standard deviations.</summary>
    public const string FeatureStd = "coachportal.feature_std";

    /// <summary>Training target mean (regression; 0 otherwise).</summary>
    public const string TargetMean = "coachportal.target_mean";

    /// <summary>Training target standard deviation (regression; 1 otherwise).</summary>
    public const string TargetStd = "coachportal.target_std";

    /// <summary>The period the training data covered, as given by the dataset.</summary>
    public const string DataSpan = "coachportal.data_span";
}
