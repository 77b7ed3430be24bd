using CoachPortal.Core.Tests.Support;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Tests.Invitations;

public sealed class EmailSettingsTests
{
    [Fact]
    public async Task AnSmtpHostWithoutASenderIsRefusedAtStartNamingTheKey()
    {
        var world = new PortalTestHost();
        world.Settings["Email:Smtp:Host"] = "smtp.example.com";
        try
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(world.InitializeAsync);
            Assert.Contains("Email:Smtp:From", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                await world.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
                // The host never started.
            }
        }
    }
}
