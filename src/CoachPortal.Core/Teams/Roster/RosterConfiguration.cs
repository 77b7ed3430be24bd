using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Teams.Roster;

internal sealed class RosterConfiguration : IEntityTypeConfiguration<RosterImport>, IEntityTypeConfiguration<RosterImportError>
{
    public void Configure(EntityTypeBuilder<RosterImport> builder)
    {
        builder.Property(r => r.FileName).HasMaxLength(260).IsRequired();
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.FailureReason).HasMaxLength(2000);
        builder.Property(r => r.JobId).HasMaxLength(100);
        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Errors).WithOne().HasForeignKey(e => e.RosterImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TeamId, r.CreatedUtc });
    }

    public void Configure(EntityTypeBuilder<RosterImportError> builder)
    {
        builder.Property(e => e.Message).HasMaxLength(1000).IsRequired();
        builder.HasIndex(e => new { e.RosterImportId, e.LineNumber });
    }
}
