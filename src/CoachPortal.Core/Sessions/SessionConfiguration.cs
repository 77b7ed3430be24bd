using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Sessions.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachPortal.Core.Sessions;

internal sealed class SessionConfiguration :
    IEntityTypeConfiguration<TrainingSession>,
    IEntityTypeConfiguration<SessionLap>,
    IEntityTypeConfiguration<SessionStreamData>,
    IEntityTypeConfiguration<UploadedFile>,
    IEntityTypeConfiguration<UploadEntryResult>,
    IEntityTypeConfiguration<StoredBlob>,
    IEntityTypeConfiguration<TeamCsvMapping>
{
    // SQLite gives DateTime back without a kind; these columns are always UTC.
    private static readonly ValueConverter<DateTime, DateTime> s_utc = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.Property(s => s.StartUtc).HasConversion(s_utc);
        builder.Property(s => s.CreatedUtc).HasConversion(s_utc);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.Sport).HasMaxLength(32).IsRequired();
        builder.Property(s => s.SubSport).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Comment).HasMaxLength(2000);
        builder.Property(s => s.DeviceName).HasMaxLength(120);
        builder.Property(s => s.ClassLabel).HasMaxLength(32);
        builder.Property(s => s.PredictedClassLabel).HasMaxLength(32);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Athlete).WithMany().HasForeignKey(s => s.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.SourceFile).WithMany().HasForeignKey(s => s.SourceFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Laps).WithOne().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Streams).WithOne().HasForeignKey<SessionStreamData>(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.AthleteId, s.StartUtc });
        builder.HasIndex(s => s.SourceFileId);
    }

    public void Configure(EntityTypeBuilder<SessionLap> builder)
    {
        builder.Property(l => l.StartUtc).HasConversion(s_utc);
        builder.HasIndex(l => new { l.SessionId, l.LapIndex }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SessionStreamData> builder)
    {
        builder.HasKey(d => d.SessionId);
        builder.Property(d => d.SessionId).ValueGeneratedNever();
        builder.Property(d => d.Data).IsRequired();
    }

    public void Configure(EntityTypeBuilder<UploadedFile> builder)
    {
        builder.Property(f => f.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.OriginalName).HasMaxLength(260).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.FailureReason).HasMaxLength(2000);
        builder.Property(f => f.Warnings).HasMaxLength(4000);
        builder.Property(f => f.JobId).HasMaxLength(100);
        builder.Property(f => f.CsvMappingJson).HasMaxLength(4000);
        builder.HasOne(f => f.Athlete).WithMany().HasForeignKey(f => f.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Entries).WithOne().HasForeignKey(e => e.UploadedFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.AthleteId, f.Sha256 });
        builder.HasIndex(f => new { f.UploadedByUserId, f.CreatedUtc });
    }

    public void Configure(EntityTypeBuilder<TeamCsvMapping> builder)
    {
        builder.Property(m => m.HeaderHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(m => m.HeaderLine).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.MappingJson).HasMaxLength(4000).IsRequired();
        builder.Property(m => m.UpdatedUtc).HasConversion(s_utc);
        builder.HasOne<Teams.Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TeamId, m.HeaderHash }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<UploadEntryResult> builder)
    {
        builder.Property(e => e.EntryName).HasMaxLength(260).IsRequired();
        builder.Property(e => e.Message).HasMaxLength(2000);
        builder.HasIndex(e => e.UploadedFileId);
    }

    public void Configure(EntityTypeBuilder<StoredBlob> builder)
    {
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(b => b.Content).IsRequired();
    }
}
