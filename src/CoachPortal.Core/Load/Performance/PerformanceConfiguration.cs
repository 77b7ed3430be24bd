using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Load.Performance;

internal sealed class PerformanceConfiguration : IEntityTypeConfiguration<PerformanceTest>, IEntityTypeConfiguration<Injury>
{
    public void Configure(EntityTypeBuilder<PerformanceTest> builder)
    {
        builder.Property(t => t.Kind).HasMaxLength(80).IsRequired();
        builder.Property(t => t.Unit).HasMaxLength(20).IsRequired();
        builder.Property(t => t.Notes).HasMaxLength(500);
        builder.Property(t => t.EnteredByUserId).HasMaxLength(450);
        builder.HasOne(t => t.Athlete).WithMany().HasForeignKey(t => t.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.AthleteId, t.Kind, t.Date });
    }

    public void Configure(EntityTypeBuilder<Injury> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.BodyArea).HasMaxLength(60);
        builder.Property(i => i.Notes).HasMaxLength(500);
        builder.Property(i => i.EnteredByUserId).HasMaxLength(450);
        builder.HasOne(i => i.Athlete).WithMany().HasForeignKey(i => i.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.AthleteId, i.OnsetDate });
    }
}
