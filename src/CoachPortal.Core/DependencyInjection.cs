using CoachPortal.Core.Athletes;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Exports;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Health;
using CoachPortal.Core.Invitations;
using CoachPortal.Core.Invitations.Email;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Load.Board;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Load.Settings;
using CoachPortal.Core.Media;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Compliance;
using CoachPortal.Core.Plans.Projection;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Teams.Roster;
using CoachPortal.Core.Users;
using CoachPortal.Core.Users.Tokens;
using CoachPortal.Core.Wellness;
using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Core;

public static class DependencyInjection
{
    public const string SqliteMigrationsAssembly = "CoachPortal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "CoachPortal.Migrations.SqlServer";

    /// <summary>
    /// Database, Identity stores, feature services, the job client and the job server that <c>Jobs</c> describes
    /// (none when <c>Jobs:RunServer</c> is false). Used by the web app.
    /// </summary>
    public static IHostApplicationBuilder AddCoachPortalCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCoachPortalCore(JobServerFromConfiguration(builder.Configuration));
    }

    /// <summary>
    /// Database, Identity stores, feature services and the job client, with a job server serving exactly
    /// <paramref name="jobServer"/>'s queues (none when null). Used by the worker, which names its own queues.
    /// </summary>
    public static IHostApplicationBuilder AddCoachPortalCore(this IHostApplicationBuilder builder, JobServerSettings? jobServer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiTokenOptions>().BindConfiguration(ApiTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = ResolveDataDirectory(builder, database);
        var sqlServer = database.Provider == DatabaseProvider.SqlServer
            ? builder.Configuration.GetConnectionString("SqlServer")
              ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.")
            : null;

        services.AddDbContextFactory<AppDbContext>(options => ConfigureDbContext(options, database.Provider, dataDirectory, sqlServer));
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        // The keys sit beside the users they sign cookies for, so they are stored only encrypted with a certificate
        // that is not in the database (a stolen backup alone forges no sign-in).
        var keyCertificate = KeyProtectionCertificate.Resolve(builder.Configuration, builder.Environment, dataDirectory);
        services.AddDataProtection()
            .SetApplicationName("CoachPortal")
            .PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithCertificate(keyCertificate);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000); // OWASP (2023) for PBKDF2-HMAC-SHA512
        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChangeNotifier>();
        services.AddScoped<TeamService>();
        services.AddScoped<AthleteService>();
        services.AddScoped<RosterImportService>();
        services.AddScoped<InvitationService>();
        AddEmail(builder, dataDirectory);
        services.AddScoped<UserAdminService>();
        services.AddScoped<AccountActivityService>();
        services.AddScoped<AuditLog>();
        services.AddTransient<AuditRetentionJob>();
        services.AddHostedService<AuditRetentionSchedule>();
        services.AddScoped<ExportService>();
        services.AddScoped<ErasureService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<DemoMode>();
        services.AddTransient<RosterImportJob>();
        SessionsRegistration.AddSessions(services, dataDirectory);
        services.AddScoped<WellnessService>();
        services.AddScoped<PerformanceService>();
        services.AddSingleton<LoadRecomputeScheduler>();
        services.AddSingleton<ISessionsChangedHandler>(sp => sp.GetRequiredService<LoadRecomputeScheduler>());
        services.AddTransient<ILoadsRecomputedHandler, ForecastsFollowLoads>();
        services.AddScoped<TeamLoadSettingsService>();
        services.AddScoped<TeamBoardService>();
        services.AddScoped<AthleteDashboardService>();
        services.AddTransient<LoadRecomputeJob>();
        services.AddScoped<DemoTrainingSeeder>();
        services.AddScoped<DemoSessionSeeder>();
        services.AddHostedService<LoadRollForwardSchedule>();
        services.TryAddSingleton<IPlanForecastAdvisor, ModelPlanForecastAdvisor>();
        services.AddScoped<WorkoutLibraryService>();
        services.AddScoped<PlanTemplateService>();
        services.AddScoped<PlanPersonalisationService>();
        services.AddScoped<PlanCalendarService>();
        services.AddScoped<PlanProjectionService>();
        services.AddScoped<PlanComplianceService>();
        services.AddScoped<CalendarFeedService>();
        services.AddTransient<PlanPersonalisationJob>();
        services.AddScoped<DemoPlanSeeder>();
        MediaRegistration.AddMedia(services);

        services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScorerCache>();
        services.AddScoped<ModelService>();
        services.AddScoped<ModelDemoSeeder>();
        services.AddTransient<ModelTrainingJob>();
        services.AddTransient<ModelScoringJob>();
        services.AddHostedService<ModelScoringSchedule>();

        AddJobs(builder, database.Provider, dataDirectory, sqlServer, jobServer);

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");
        return builder;
    }

    /// <summary>The Identity rules every host shares (password, lockout, unique email).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireDigit = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }

    /// <summary>
    /// Options for a context built outside the host (design-time factories, tools). Identity reads its schema
    /// version from the application services, so they are supplied here too; without them the model silently
    /// differs from the running app's.
    /// </summary>
    public static DbContextOptions<AppDbContext> CreateStandaloneOptions(DatabaseProvider provider, string dataDirectory, string? sqlServerConnectionString)
    {
        var services = new ServiceCollection();
        services.AddOptions<IdentityOptions>().Configure(ConfigureIdentity);
        var builder = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(services.BuildServiceProvider());
        ConfigureDbContext(builder, provider, dataDirectory, sqlServerConnectionString);
        return builder.Options;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder options, DatabaseProvider provider, string dataDirectory, string? sqlServerConnectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(sqlServerConnectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly));
        }
        else
        {
            var path = Path.Combine(dataDirectory, "coachportal.db");
            options.UseSqlite($"Data Source={path};Foreign Keys=True;Default Timeout=30", o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(new SqlitePragmaInterceptor());
        }
    }

    private static void AddEmail(IHostApplicationBuilder builder, string dataDirectory)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName)
            .PostConfigure(o =>
            {
                // A demo on a laptop has no mail server: its messages land as files in the data folder.
                if (isDevelopment && !o.IsConfigured)
                {
                    o.PickupDirectory = "mail";
                }
            })
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Email:Smtp:Port must be between 1 and 65535.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Smtp.Host) || MimeKit.MailboxAddress.TryParse(o.Smtp.From, out _),
                "Email:Smtp:From must be a sender address (e.g. \"CoachPortal <noreply@club.example>\") when Email:Smtp:Host is set.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var pickup = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.PickupDirectory;
            return new EmailPickupDirectory(string.IsNullOrWhiteSpace(pickup) ? null : Path.Combine(dataDirectory, pickup));
        });
        builder.Services.AddTransient<EmailSender>();
        builder.Services.AddTransient<InvitationEmailJob>();
    }

    private static string ResolveDataDirectory(IHostApplicationBuilder builder, DatabaseOptions database)
    {
        var dir = Path.IsPathRooted(database.DataDirectory)
            ? database.DataDirectory
            : Path.Combine(builder.Environment.ContentRootPath, database.DataDirectory);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void AddJobs(IHostApplicationBuilder builder, DatabaseProvider provider, string dataDirectory, string? sqlServer, JobServerSettings? server)
    {
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, jobs.PollIntervalMilliseconds));
        var serverTimeout = TimeSpan.FromSeconds(jobs.ServerTimeoutSeconds);
        builder.Services.AddHangfire(cfg =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new SingleRunFilter(serverTimeout, TimeSpan.FromSeconds(jobs.HeartbeatSeconds)));
            if (provider == DatabaseProvider.SqlServer)
            {
                cfg.UseSqlServerStorage(sqlServer, new SqlServerStorageOptions
                {
                    QueuePollInterval = poll,
                    PrepareSchemaIfNecessary = true,
                });
            }
            else
            {
                cfg.UseSQLiteStorage(Path.Combine(dataDirectory, "jobs.db"), new SQLiteStorageOptions
                {
                    QueuePollInterval = poll,
                });
            }
        });

        if (server is not null)
        {
            builder.Services.AddSingleton(server);
            builder.Services.AddHangfireServer(o =>
            {
                o.Queues = [.. server.Queues];
                o.WorkerCount = server.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                // A crashed server is known dead after ServerTimeout without a heartbeat (decision 15).
                o.HeartbeatInterval = TimeSpan.FromSeconds(jobs.HeartbeatSeconds);
                o.ServerTimeout = serverTimeout;
                o.ServerCheckInterval = TimeSpan.FromSeconds(jobs.SweepIntervalSeconds);
            });
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OrphanedJobSweep>());
        }

        builder.Services.AddSingleton(sp => new JobLiveness(sp.GetRequiredService<JobStorage>(), serverTimeout));
        builder.Services.AddSingleton<OrphanedJobSweep>();
    }

    /// <summary>The web app's job server as <c>Jobs</c> configures it; null when <c>Jobs:RunServer</c> is false.</summary>
    public static JobServerSettings? JobServerFromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (!jobs.RunServer)
        {
            return null;
        }

        // Read as given: binding appends configured entries to the option's default array instead of replacing it.
        // Arrays merge by index, so an entry set to empty (Jobs__Queues__2=) drops that queue of the shared list.
        var key = $"{JobsOptions.SectionName}:{nameof(JobsOptions.Queues)}";
        var queues = (configuration.GetSection(key).Get<string[]>() ?? [.. JobQueues.All]).Where(q => !string.IsNullOrWhiteSpace(q)).ToArray();
        try
        {
            return new JobServerSettings(queues, jobs.WorkerCount ?? JobServerSettings.DefaultWorkerCount);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{key}: {ex.Message}", ex);
        }
    }
}
