using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Sessions.Archives;

internal sealed class ArchiveImportConfiguration : IEntityTypeConfiguration<ArchiveImport>, IEntityTypeConfiguration<ArchiveImportEntry>
{
    public void Configure(EntityTypeBuilder<ArchiveImport> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(260).IsRequired();
        builder.Property(a => a.StoredName).HasMaxLength(64).IsRequired();
        builder.Property(a => a.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Layout).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.FailureReason).HasMaxLength(2000);
        builder.Property(a => a.JobId).HasMaxLength(100);
        builder.HasOne(a => a.Athlete).WithMany().HasForeignKey(a => a.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Entries).WithOne().HasForeignKey(e => e.ArchiveImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AthleteId, a.CreatedUtc });
    }

    public void Configure(EntityTypeBuilder<ArchiveImportEntry> builder)
    {
        builder.Property(e => e.EntryName).HasMaxLength(400).IsRequired();
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Message).HasMaxLength(1000);
        // A file has one result per import: a run after a crash cannot record it twice.
        builder.HasIndex(e => new { e.ArchiveImportId, e.EntryName }).IsUnique();
    }
}
