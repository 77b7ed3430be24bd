using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Invitations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne(i => i.Athlete).WithMany().HasForeignKey(i => i.AthleteId).OnDelete(DeleteBehavior.Cascade);
    }
}
