using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Teams;

internal sealed class TeamLoadSettingsConfiguration : IEntityTypeConfiguration<TeamLoadSettings>
{
    public void Configure(EntityTypeBuilder<TeamLoadSettings> builder)
    {
        builder.HasKey(s => s.TeamId);
        builder.HasOne(s => s.Team).WithOne().HasForeignKey<TeamLoadSettings>(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.PrimaryMetric).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
