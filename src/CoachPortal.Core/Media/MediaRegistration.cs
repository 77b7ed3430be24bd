using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Media;

/// <summary>Services of the media feature, called from <see cref="DependencyInjection.AddCoachPortalCore(Microsoft.Extensions.Hosting.IHostApplicationBuilder, Jobs.JobServerSettings)"/>.</summary>
internal static class MediaRegistration
{
    public static void AddMedia(IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MediaService>();
        services.AddScoped<MediaAnalysisService>();
        services.AddScoped<TechniqueModelService>();
        services.AddTransient<Technique.TechniqueTrainer>();
        services.AddTransient<TechniqueTrainingJob>();
    }
}
