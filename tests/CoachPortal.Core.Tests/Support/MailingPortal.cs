namespace CoachPortal.Core.Tests.Support;

/// <summary>The test world with a running job server whose invitation e-mails go to a real SMTP server.</summary>
public sealed class MailingPortal : IAsyncLifetime
{
    public const string PortalUrl = "https://portal.example";

    public SmtpTestServer Smtp { get; } = new();

    public PortalTestHost World { get; } = new();

    public async Task InitializeAsync()
    {
        World.Settings["Jobs:RunServer"] = "true";
        World.Settings["Jobs:Queues:0"] = "default";
        World.Settings["Email:Smtp:Host"] = "127.0.0.1";
        World.Settings["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        World.Settings["Email:Smtp:UseStartTls"] = "false";
        World.Settings["Email:Smtp:From"] = "Club <club@example.com>";
        await World.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        Smtp.Dispose();
    }
}
