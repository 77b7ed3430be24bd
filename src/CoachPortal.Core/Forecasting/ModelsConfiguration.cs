using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Forecasting;

internal sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.Property(r => r.Target).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Architecture).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Scope).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Device).HasMaxLength(10);
        builder.Property(r => r.DeviceReason).HasMaxLength(1000);
        builder.Property(r => r.FailureReason).HasMaxLength(2000);
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450);
        builder.Property(r => r.JobId).HasMaxLength(100);
        builder.Ignore(r => r.IsInterrupted);
        builder.Property(r => r.LossHistory).HasColumnName("LossHistoryJson")
            .HasConversion(ModelResultsJson.Converter<LossHistory>(), ModelResultsJson.Comparer<LossHistory>());
        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TeamId, r.CreatedUtc });
    }
}

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.Property(v => v.Target).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Architecture).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Scope).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.DataSpan).HasMaxLength(30);
        builder.Property(v => v.DataHash).HasMaxLength(64);
        builder.Property(v => v.Device).HasMaxLength(10);
        builder.Property(v => v.DeviceReason).HasMaxLength(1000);
        builder.Property(v => v.MetricName).HasMaxLength(20);
        builder.Property(v => v.BestBaselineName).HasMaxLength(40);
        builder.Property(v => v.PromotionOverrideReason).HasMaxLength(1000);
        builder.Property(v => v.RetrainReason).HasMaxLength(500);
        builder.Property(v => v.PromotedByUserId).HasMaxLength(450);
        // The columns keep their names from when the page parsed the JSON itself; the JSON is the same.
        builder.Property(v => v.Metrics).HasColumnName("MetricsJson")
            .HasConversion(ModelResultsJson.Converter<ModelMetrics>(), ModelResultsJson.Comparer<ModelMetrics>());
        builder.Property(v => v.TestSeries).HasColumnName("TestSeriesJson")
            .HasConversion(ModelResultsJson.Converter<ModelTestSeries>(), ModelResultsJson.Comparer<ModelTestSeries>());
        builder.Ignore(v => v.BeatsBaseline);
        builder.HasOne(v => v.Team).WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingRun>().WithMany().HasForeignKey(v => v.TrainingRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.TrainingRunId).IsUnique();
        builder.HasIndex(v => new { v.Target, v.Status });
    }
}

internal sealed class ModelPredictionConfiguration : IEntityTypeConfiguration<ModelPrediction>
{
    public void Configure(EntityTypeBuilder<ModelPrediction> builder)
    {
        builder.Property(p => p.Target).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.ExplanationJson).HasMaxLength(2000);
        builder.HasOne(p => p.ModelVersion).WithMany().HasForeignKey(p => p.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Athlete).WithMany().HasForeignKey(p => p.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ModelVersionId, p.AthleteId, p.AsOfDate }).IsUnique();
        builder.HasIndex(p => new { p.AthleteId, p.Target, p.AsOfDate });
    }
}
