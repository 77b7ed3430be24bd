namespace CoachPortal.Learning.Training;

/// <summary>Per-feature standardisation and the target's (mean 0, std 1 for classifiers), computed on the training split.</summary>
internal sealed record Normalization(float[] FeatureMean, float[] FeatureStd, float TargetMean, float TargetStd);
