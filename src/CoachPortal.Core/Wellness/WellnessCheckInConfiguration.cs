using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Wellness;

internal sealed class WellnessCheckInConfiguration : IEntityTypeConfiguration<WellnessCheckIn>
{
    public void Configure(EntityTypeBuilder<WellnessCheckIn> builder)
    {
        builder.Property(w => w.SorenessBodyArea).HasMaxLength(60);
        builder.Property(w => w.Notes).HasMaxLength(500);
        builder.HasOne(w => w.Athlete).WithMany().HasForeignKey(w => w.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.AthleteId, w.Date }).IsUnique();
    }
}
