using CoachPortal.Core.Load.Recompute;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Load;

internal sealed class DailyLoadConfiguration : IEntityTypeConfiguration<DailyLoad>, IEntityTypeConfiguration<LoadRecomputeState>
{
    public void Configure(EntityTypeBuilder<DailyLoad> builder)
    {
        builder.HasKey(d => new { d.AthleteId, d.Date });
        builder.HasOne(d => d.Athlete).WithMany().HasForeignKey(d => d.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.PrimaryMetric).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.PrimarySource).HasConversion<string>().HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<LoadRecomputeState> builder)
    {
        builder.HasKey(s => s.AthleteId);
        builder.HasOne(s => s.Athlete).WithOne().HasForeignKey<LoadRecomputeState>(s => s.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.FailureReason).HasMaxLength(1000);
    }
}
