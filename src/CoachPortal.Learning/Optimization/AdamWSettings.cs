namespace CoachPortal.Learning.Optimization;

/// <summary>AdamW hyper-parameters (defaults as torch.optim.AdamW) plus the global gradient-norm clip (0 = off).</summary>
internal sealed record AdamWSettings(double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8, double WeightDecay = 0.01, double ClipNorm = 1.0);
