using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Sessions.History;

internal sealed class HistoryImportConfiguration : IEntityTypeConfiguration<HistoryImport>, IEntityTypeConfiguration<HistoryImportLineError>
{
    public void Configure(EntityTypeBuilder<HistoryImport> builder)
    {
        builder.Property(h => h.FileName).HasMaxLength(260).IsRequired();
        builder.Property(h => h.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.MappingJson).HasMaxLength(4000).IsRequired();
        builder.Property(h => h.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(h => h.FailureReason).HasMaxLength(2000);
        builder.Property(h => h.JobId).HasMaxLength(100);
        builder.HasOne(h => h.Athlete).WithMany().HasForeignKey(h => h.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Errors).WithOne().HasForeignKey(e => e.HistoryImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.AthleteId, h.CreatedUtc });
    }

    public void Configure(EntityTypeBuilder<HistoryImportLineError> builder)
    {
        builder.Property(e => e.Message).HasMaxLength(1000).IsRequired();
        builder.HasIndex(e => new { e.HistoryImportId, e.LineNumber });
    }
}
