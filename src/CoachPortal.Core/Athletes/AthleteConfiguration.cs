using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Athletes;

internal sealed class AthleteConfiguration : IEntityTypeConfiguration<Athlete>
{
    public void Configure(EntityTypeBuilder<Athlete> builder)
    {
        builder.Property(a => a.FirstName).HasMaxLength(80).IsRequired();
        builder.Property(a => a.LastName).HasMaxLength(80).IsRequired();
        builder.Property(a => a.Sport).HasMaxLength(60);
        builder.Property(a => a.Position).HasMaxLength(60);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.Sex).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.FullName);
        builder.HasOne(a => a.Team).WithMany(t => t.Athletes).HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.UserId).IsUnique().HasFilter("[UserId] IS NOT NULL");
        builder.HasIndex(a => new { a.RosterImportId, a.RosterLine }).IsUnique().HasFilter("[RosterImportId] IS NOT NULL");
        builder.HasIndex(a => new { a.TeamId, a.LastName });
    }
}
