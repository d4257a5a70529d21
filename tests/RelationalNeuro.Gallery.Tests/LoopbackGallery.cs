using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>Starts a configured gallery factory on a real Kestrel socket (loopback, a free port) for plain HTTP tests.</summary>
internal static class LoopbackGallery
{
    /// <summary>Starts <paramref name="factory"/> and returns a client for it that does not follow redirects.</summary>
    public static HttpClient Start(WebApplicationFactory<Program> factory)
    {
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }
}
