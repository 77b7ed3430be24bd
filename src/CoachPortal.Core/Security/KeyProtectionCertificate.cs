using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Core.Security;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest: the configured PFX, or outside Production a
/// self-signed one kept in the data folder (created on the first start), so that a database copy alone reveals no key.
/// </summary>
public static class KeyProtectionCertificate
{
    /// <summary>Name of the self-signed certificate created in the data folder when none is configured.</summary>
    public const string GeneratedFileName = "dataprotection-keys.pfx";

    public static readonly string PathKey = $"{KeyProtectionOptions.SectionName}:{nameof(KeyProtectionOptions.CertificatePath)}";
    public static readonly string PasswordKey = $"{KeyProtectionOptions.SectionName}:{nameof(KeyProtectionOptions.CertificatePassword)}";

    public static X509Certificate2 Resolve(IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = Path.IsPathRooted(options.CertificatePath)
                ? options.CertificatePath
                : Path.Combine(environment.ContentRootPath, options.CertificatePath);
            return Load(path, options.CertificatePassword);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{PathKey} is not set. In Production the data-protection keys (they sign the sign-in cookies) are stored " +
                $"in the database only encrypted with a certificate kept elsewhere: set {PathKey} to a PFX file with an RSA " +
                $"private key and {PasswordKey} to its password.");
        }

        return LoadOrCreateSelfSigned(Path.Combine(dataDirectory, GeneratedFileName));
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathKey}: there is no file at '{path}'.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{PathKey}: '{path}' cannot be read as a PFX file with the password in {PasswordKey} ({ex.Message}).", ex);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{PathKey}: '{path}' holds no RSA private key; the keys are encrypted with RSA.");
        }

        return certificate;
    }

    private static X509Certificate2 LoadOrCreateSelfSigned(string path)
    {
        if (!File.Exists(path))
        {
            var pfx = CreateSelfSigned();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(pfx);
            }
            catch (IOException) when (File.Exists(path))
            {
                // The other host (web app or worker) on this data folder created it first; both use that one.
            }
        }

        return Load(path, password: null);
    }

    private static byte[] CreateSelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CoachPortal data-protection keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        // The encryptor does not check validity dates; a long one only avoids a misleading "expired" in tools.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        return certificate.Export(X509ContentType.Pfx);
    }
}
