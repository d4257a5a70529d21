using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RelationalNeuro.Packaging.Tests;

/// <summary>
/// A throwaway Blazor app outside the repository restores both packages from a local folder feed, builds,
/// starts, and serves the widget kit's stylesheet from the package's static web assets. A private NuGet cache
/// keeps a stale copy of the same version from an earlier run from being used.
/// </summary>
public sealed class ConsumerAppTests(PackageFixture packages) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task ConsumerApp_RestoresFromLocalFeed_Builds_AndServesTheStylesheet()
    {
        var root = Directory.CreateTempSubdirectory("rn-consumer-").FullName;
        try
        {
            var version = packages.Version("RelationalNeuro.Components");
            await WriteConsumerAsync(root, version);
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, ".nuget-cache") };
            await DotNet.RunAsync(root, environment, "build", "-c", "Release");

            var port = FreePort();
            using var app = Process.Start(new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                ArgumentList = { "run", "-c", "Release", "--no-build", "--no-launch-profile", "--urls", $"http://127.0.0.1:{port}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["NUGET_PACKAGES"] = environment["NUGET_PACKAGES"] },
            })!;
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
                var css = await GetWithRetryAsync(client, "_content/RelationalNeuro.Components/relationalneuro.css");
                Assert.Contains("--rn-accent", css, StringComparison.Ordinal);
                var home = await GetWithRetryAsync(client, "");
                Assert.Contains("_content/RelationalNeuro.Components/relationalneuro.css", home, StringComparison.Ordinal);
                Assert.Contains("Consumer", home, StringComparison.Ordinal);
                Assert.Contains("role=\"meter\"", home, StringComparison.Ordinal);
                Assert.Contains("aria-valuetext=\"42 ms\"", home, StringComparison.Ordinal);
                // The app's scoped-CSS bundle imports the package's, so the widget's own styles arrive too.
                var bundle = await GetWithRetryAsync(client, "Consumer.styles.css");
                Assert.Contains("_content/RelationalNeuro.Components/RelationalNeuro.Components", bundle, StringComparison.Ordinal);
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task WriteConsumerAsync(string root, string version)
    {
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="relationalneuro-local" value="{packages.Folder}" />
              </packageSources>
            </configuration>
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(root, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RelationalNeuro.Core" Version="{version}" />
                <PackageReference Include="RelationalNeuro.Components" Version="{version}" />
              </ItemGroup>
            </Project>
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(root, "Program.cs"), """
            using Consumer;
            using RelationalNeuro.Components;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorComponents();
            builder.Services.AddRelationalNeuroComponents();
            var app = builder.Build();
            app.UseAntiforgery();
            app.MapStaticAssets();
            app.MapRazorComponents<App>();
            app.Run();
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(root, "App.razor"), ConsumerPage.Markup, ct);
        await File.WriteAllTextAsync(Path.Combine(root, "_Imports.razor"), """
            @using Microsoft.AspNetCore.Components.Web
            @using RelationalNeuro.Components
            """, ct);
    }

    private static async Task<string> GetWithRetryAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
