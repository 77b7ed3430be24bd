using CoachPortal.Core.Athletes;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Invitations;
using CoachPortal.Core.Load;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Media;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Archives;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Teams.Roster;
using CoachPortal.Core.Users;
using CoachPortal.Core.Users.Tokens;
using CoachPortal.Core.Wellness;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect cookies and tokens, shared by every node that uses this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamCoach> TeamCoaches => Set<TeamCoach>();

    public DbSet<Athlete> Athletes => Set<Athlete>();

    public DbSet<RosterImport> RosterImports => Set<RosterImport>();

    public DbSet<RosterImportError> RosterImportErrors => Set<RosterImportError>();

    public DbSet<HistoryImport> HistoryImports => Set<HistoryImport>();

    public DbSet<HistoryImportLineError> HistoryImportLineErrors => Set<HistoryImportLineError>();

    public DbSet<ArchiveImport> ArchiveImports => Set<ArchiveImport>();

    public DbSet<ArchiveImportEntry> ArchiveImportEntries => Set<ArchiveImportEntry>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<SignInRecord> SignIns => Set<SignInRecord>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<SessionLap> SessionLaps => Set<SessionLap>();

    public DbSet<SessionStreamData> SessionStreams => Set<SessionStreamData>();

    public DbSet<UploadedFile> UploadedFiles => Set<UploadedFile>();

    public DbSet<UploadEntryResult> UploadEntryResults => Set<UploadEntryResult>();

    public DbSet<StoredBlob> StoredBlobs => Set<StoredBlob>();

    public DbSet<TeamCsvMapping> TeamCsvMappings => Set<TeamCsvMapping>();

    public DbSet<WellnessCheckIn> WellnessCheckIns => Set<WellnessCheckIn>();

    public DbSet<PerformanceTest> PerformanceTests => Set<PerformanceTest>();

    public DbSet<Injury> Injuries => Set<Injury>();

    public DbSet<TeamLoadSettings> TeamLoadSettings => Set<TeamLoadSettings>();

    public DbSet<DailyLoad> DailyLoads => Set<DailyLoad>();

    public DbSet<LoadRecomputeState> LoadRecomputeStates => Set<LoadRecomputeState>();

    public DbSet<WorkoutDefinition> Workouts => Set<WorkoutDefinition>();

    public DbSet<PlanTemplate> PlanTemplates => Set<PlanTemplate>();

    public DbSet<PlanBlock> PlanBlocks => Set<PlanBlock>();

    public DbSet<PlanTemplateSession> PlanTemplateSessions => Set<PlanTemplateSession>();

    public DbSet<PlanAssignment> PlanAssignments => Set<PlanAssignment>();

    public DbSet<PlannedSession> PlannedSessions => Set<PlannedSession>();

    public DbSet<AthletePlanSettings> AthletePlanSettings => Set<AthletePlanSettings>();

    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<ModelPrediction> ModelPredictions => Set<ModelPrediction>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SessionMedia> SessionMedia => Set<SessionMedia>();

    public DbSet<MediaKeypoints> MediaKeypoints => Set<MediaKeypoints>();

    public DbSet<FrameLabel> FrameLabels => Set<FrameLabel>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
