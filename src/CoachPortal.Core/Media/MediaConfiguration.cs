using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachPortal.Core.Media;

internal sealed class MediaConfiguration :
    IEntityTypeConfiguration<SessionMedia>,
    IEntityTypeConfiguration<MediaKeypoints>,
    IEntityTypeConfiguration<FrameLabel>
{
    // SQLite gives DateTime back without a kind; these columns are always UTC.
    private static readonly ValueConverter<DateTime, DateTime> s_utc = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<SessionMedia> builder)
    {
        builder.ToTable("SessionMedia");
        builder.Property(m => m.CreatedUtc).HasConversion(s_utc);
        builder.Property(m => m.ContentType).HasMaxLength(64).IsRequired();
        builder.Property(m => m.OriginalName).HasMaxLength(260).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(m => m.Exercise).HasMaxLength(80);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450).IsRequired();

        // No cascade from the athlete: SQL Server refuses a second cascade path (athlete → session → media), so
        // erasure deletes the athlete's media itself, before the athlete.
        builder.HasOne(m => m.Athlete).WithMany().HasForeignKey(m => m.AthleteId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(m => m.Session).WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.AthleteId, m.CreatedUtc });
        builder.HasIndex(m => m.SessionId);
        builder.HasIndex(m => m.PlannedSessionId);
        builder.HasIndex(m => m.Sha256);
        builder.HasMany<FrameLabel>().WithOne().HasForeignKey(l => l.MediaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MediaKeypoints>().WithOne().HasForeignKey<MediaKeypoints>(k => k.MediaId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MediaKeypoints> builder)
    {
        builder.HasKey(k => k.MediaId);
        builder.Property(k => k.MediaId).ValueGeneratedNever();
        builder.Property(k => k.UpdatedUtc).HasConversion(s_utc);
        builder.Property(k => k.Data).IsRequired();
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450).IsRequired();
    }

    public void Configure(EntityTypeBuilder<FrameLabel> builder)
    {
        builder.Property(l => l.CreatedUtc).HasConversion(s_utc);
        builder.Property(l => l.Label).HasMaxLength(16).IsRequired();
        builder.Property(l => l.Exercise).HasMaxLength(80);
        builder.Property(l => l.Note).HasMaxLength(500);
        builder.Property(l => l.ByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(l => new { l.MediaId, l.FrameIndex });
    }
}
