namespace CoachPortal.Core.Forecasting.Results;

/// <summary>The losses after one epoch.</summary>
public sealed record LossPoint(int Epoch, double TrainingLoss, double? ValidationLoss);
