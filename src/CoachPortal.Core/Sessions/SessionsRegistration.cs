using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions.Archives;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Sessions.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Sessions;

/// <summary>Services of the sessions feature, called from <see cref="DependencyInjection.AddCoachPortalCore(Microsoft.Extensions.Hosting.IHostApplicationBuilder, Jobs.JobServerSettings)"/>.</summary>
internal static class SessionsRegistration
{
    public static void AddSessions(IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFileStore>(sp =>
        {
            var folder = sp.GetRequiredService<IOptions<UploadOptions>>().Value.FileStoreDirectory;
            return string.IsNullOrWhiteSpace(folder)
                ? new DatabaseFileStore(sp.GetRequiredService<IDbContextFactory<AppDbContext>>())
                : new FolderFileStore(Path.Combine(dataDirectory, folder));
        });
        services.AddSingleton<SessionChangePublisher>();
        services.AddScoped<SessionImportService>();
        services.AddScoped<CsvMappingService>();
        services.AddScoped<SessionQueryService>();
        services.AddTransient<SessionImportJob>();
        services.AddScoped<HistoryImportService>();
        services.AddTransient<HistoryImportJob>();
        services.AddOptions<ArchiveImportOptions>().BindConfiguration(ArchiveImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ArchiveStore(sp.GetRequiredService<IOptions<ArchiveImportOptions>>(), dataDirectory));
        services.AddScoped<ArchiveImportService>();
        services.AddTransient<ArchiveImportJob>();
    }
}
