using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoachPortal.Web.Security;

/// <summary>Forwarded headers from trusted proxies, so that addresses, HTTPS redirection, HSTS and Secure cookies see the client's request.</summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = proxy.Enabled ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            foreach (var address in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: \"{address}\" is not an IP address."));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var n)
                    ? n
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: \"{network}\" is not a network in CIDR form (10.0.0.0/8)."));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }
}
