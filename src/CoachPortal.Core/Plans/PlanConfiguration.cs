using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachPortal.Core.Plans;

internal sealed class PlanConfiguration :
    IEntityTypeConfiguration<WorkoutDefinition>,
    IEntityTypeConfiguration<PlanTemplate>,
    IEntityTypeConfiguration<PlanBlock>,
    IEntityTypeConfiguration<PlanTemplateSession>,
    IEntityTypeConfiguration<PlanAssignment>,
    IEntityTypeConfiguration<PlannedSession>,
    IEntityTypeConfiguration<AthletePlanSettings>
{
    public void Configure(EntityTypeBuilder<WorkoutDefinition> builder)
    {
        builder.ToTable("Workouts");
        builder.Property(w => w.Name).HasMaxLength(120).IsRequired();
        builder.Property(w => w.Sport).HasMaxLength(40).IsRequired();
        builder.Property(w => w.Text).HasMaxLength(WorkoutParser.MaxLength).IsRequired();
        builder.Property(w => w.Description).HasMaxLength(1000);
        builder.Property(w => w.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasOne(w => w.Team).WithMany().HasForeignKey(w => w.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.TeamId, w.Name });
        builder.HasIndex(w => w.OwnerUserId);
    }

    public void Configure(EntityTypeBuilder<PlanTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(120).IsRequired();
        builder.Property(t => t.Sport).HasMaxLength(40).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Blocks).WithOne().HasForeignKey(b => b.PlanTemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Sessions).WithOne().HasForeignKey(s => s.PlanTemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TeamId);
    }

    public void Configure(EntityTypeBuilder<PlanBlock> builder)
    {
        builder.Property(b => b.Phase).HasConversion<string>().HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<PlanTemplateSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(120).IsRequired();
        builder.Property(s => s.Sport).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Text).HasMaxLength(WorkoutParser.MaxLength).IsRequired();
        builder.HasIndex(s => new { s.PlanTemplateId, s.WeekIndex, s.DayIndex });
    }

    public void Configure(EntityTypeBuilder<PlanAssignment> builder)
    {
        builder.Property(a => a.EventName).HasMaxLength(120).IsRequired();
        builder.Property(a => a.Priority).HasConversion<string>().HasMaxLength(2);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Template).WithMany().HasForeignKey(a => a.PlanTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Athlete).WithMany().HasForeignKey(a => a.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Sessions).WithOne(s => s.Assignment).HasForeignKey(s => s.PlanAssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AthleteId, a.EventDate });
    }

    public void Configure(EntityTypeBuilder<PlannedSession> builder)
    {
        builder.Property(s => s.Sport).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(120).IsRequired();
        builder.Property(s => s.Text).HasMaxLength(WorkoutParser.MaxLength).IsRequired();
        builder.Property(s => s.TemplateText).HasMaxLength(WorkoutParser.MaxLength).IsRequired();
        builder.Property(s => s.ChangeReason).HasMaxLength(1000);
        builder.Property(s => s.SkipReason).HasMaxLength(500);
        builder.Property(s => s.Comment).HasMaxLength(1000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.AthleteId, s.Date });
        builder.HasIndex(s => s.CompletedSessionId);
    }

    public void Configure(EntityTypeBuilder<AthletePlanSettings> builder)
    {
        builder.HasKey(s => s.AthleteId);
        builder.Property(s => s.FeedTokenHash).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<CoachPortal.Core.Athletes.Athlete>().WithOne().HasForeignKey<AthletePlanSettings>(s => s.AthleteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.FeedTokenHash).IsUnique().HasFilter("[FeedTokenHash] IS NOT NULL");
    }
}
