using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Core.Tests.Security;

/// <summary>The data-protection keys are stored in the database only encrypted with a certificate kept elsewhere.</summary>
public sealed class KeysAtRestTests : IDisposable
{
    private const string CertificatePassword = "Pfx-Password-1";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachportal-keys", Guid.NewGuid().ToString("N"));

    public KeysAtRestTests() => Directory.CreateDirectory(_dataDirectory);

    [Fact]
    public async Task StoredKeysHoldNoPlaintextMasterKeyOnlyEncryptedXml()
    {
        using (var host = await StartAsync("Testing"))
        {
            Protector(host).Protect("payload");
        }

        var keys = await StoredKeysAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
        });
        Assert.True(File.Exists(Path.Combine(_dataDirectory, KeyProtectionCertificate.GeneratedFileName)), "no self-signed certificate in the data folder");
    }

    [Fact]
    public void ProductionWithoutACertificateRefusesToStartAndNamesTheKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Builder("Production").AddCoachPortalCore());

        Assert.Contains("DataProtection:CertificatePath", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, KeyProtectionCertificate.GeneratedFileName)), "Production must not make its own certificate");
    }

    [Fact]
    public void AConfiguredCertificateThatIsMissingIsNamedByItsKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            Builder("Production", ("DataProtection:CertificatePath", Path.Combine(_dataDirectory, "absent.pfx"))).AddCoachPortalCore());

        Assert.Contains("DataProtection:CertificatePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRoundTripAcrossRestartsWithTheSameCertificateAndNotWithAnother()
    {
        var certificate = WriteCertificate("portal.pfx");
        string protectedPayload;
        using (var first = await StartAsync("Production", ("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", CertificatePassword)))
        {
            protectedPayload = Protector(first).Protect("cookie payload");
        }

        using (var restarted = await StartAsync("Production", ("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", CertificatePassword)))
        {
            Assert.Equal("cookie payload", Protector(restarted).Unprotect(protectedPayload));
        }

        // With another certificate the stored key cannot be decrypted: the database alone is not enough.
        var other = WriteCertificate("other.pfx");
        using var stranger = await StartAsync("Production", ("DataProtection:CertificatePath", other), ("DataProtection:CertificatePassword", CertificatePassword));
        Assert.ThrowsAny<CryptographicException>(() => Protector(stranger).Unprotect(protectedPayload));
    }

    private static IDataProtector Protector(IHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeysAtRestTests");

    private HostApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = _dataDirectory });
        builder.AddRootConfiguration();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _dataDirectory,
            ["Jobs:RunServer"] = "false",
            ["Seed:AdminEmail"] = "admin@keys.test",
            ["Seed:AdminPassword"] = "Keys-Password-1",
            ["Demo:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    private async Task<IHost> StartAsync(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Builder(environment, settings);
        builder.AddCoachPortalCore();
        var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return host;
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        var options = DependencyInjection.CreateStandaloneOptions(DatabaseProvider.Sqlite, _dataDirectory, null);
        await using var db = new AppDbContext(options);
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private string WriteCertificate(string fileName)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + fileName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_dataDirectory, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned eventually.
        }
    }
}
