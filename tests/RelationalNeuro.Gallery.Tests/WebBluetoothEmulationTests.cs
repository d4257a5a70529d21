using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// A chest strap emulated by Chromium's own Bluetooth stack (the experimental CDP <c>BluetoothEmulation</c> domain,
/// on the browser session), so the real ES module runs end to end: the chooser (answered through CDP
/// <c>DeviceAccess</c>), the GATT connection, service discovery, the notification subscription, and Heart Rate
/// Measurement values delivered to the module's <c>characteristicvaluechanged</c> listener, through .NET's parser and
/// the streaming analyzer into the gauge. Headless Chromium on Linux exposes Web Bluetooth only with
/// <c>--enable-experimental-web-platform-features</c>, so this test launches its own browser with that flag.
/// CDP has no command to push an unsolicited notification; the test asks the page to <c>readValue()</c> the same
/// characteristic, which Chromium answers from the emulated response and announces with the same
/// <c>characteristicvaluechanged</c> event a notification raises (Web Bluetooth spec, "readValue", step 4).
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed class WebBluetoothEmulationTests(GalleryFixture gallery)
{
    private const string Address = "09:09:09:09:09:09";
    private const string StrapName = "Polar H10 EMULATED";
    private const string HeartRateService = "0000180d-0000-1000-8000-00805f9b34fb";
    private const string HeartRateMeasurement = "00002a37-0000-1000-8000-00805f9b34fb";
    private const string ClientCharacteristicConfiguration = "00002902-0000-1000-8000-00805f9b34fb";

    [Fact]
    public async Task EmulatedStrap_ConnectsThroughTheModule_AndItsValuesDriveTheGauge()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = GalleryFixture.FindChromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-experimental-web-platform-features"],
        });

        var bluetooth = await browser.NewBrowserCDPSessionAsync();
        await bluetooth.SendAsync("BluetoothEmulation.enable", new() { ["state"] = "powered-on", ["leSupported"] = true });
        await bluetooth.SendAsync("BluetoothEmulation.simulatePreconnectedPeripheral", new()
        {
            ["address"] = Address,
            ["name"] = StrapName,
            ["manufacturerData"] = Array.Empty<object>(),
            ["knownServiceUuids"] = new[] { HeartRateService },
        });
        var (characteristicId, descriptorId) = await AddHeartRateServiceAsync(bluetooth);

        // Heart Rate Measurement values (Heart Rate Service spec §3.1): flags 0x10 = UINT8 heart rate + RR present.
        // RR 0x0400 = 1000 ms; then 0x0433 = 1049.8046875 ms and 0x0400 = 1000 ms. Differences ±49.8046875 ms, so
        // RMSSD = 49.8046875 ms, shown as "50 ms"; the last beat's heart rate is 60 000 / 1000 = 60 bpm.
        var values = new ConcurrentQueue<byte[]>([[0x10, 0x3C, 0x00, 0x04], [0x10, 0x3A, 0x33, 0x04, 0x00, 0x04]]);
        var operations = new ConcurrentQueue<string>();
        bluetooth.Event("BluetoothEmulation.gattOperationReceived").OnEvent += (_, e) =>
        {
            var type = e!.Value.GetProperty("type").GetString()!;
            operations.Enqueue("gatt " + type);
            _ = bluetooth.SendAsync("BluetoothEmulation.simulateGATTOperationResponse", new() { ["address"] = Address, ["type"] = type, ["code"] = 0 });
        };
        bluetooth.Event("BluetoothEmulation.characteristicOperationReceived").OnEvent += (_, e) =>
        {
            var type = e!.Value.GetProperty("type").GetString()!;
            operations.Enqueue("characteristic " + type);
            var response = new Dictionary<string, object> { ["characteristicId"] = characteristicId, ["type"] = type, ["code"] = 0 };
            if (type == "read" && values.TryDequeue(out var value))
            {
                response["data"] = Convert.ToBase64String(value);
            }

            _ = bluetooth.SendAsync("BluetoothEmulation.simulateCharacteristicOperationResponse", response);
        };

        bluetooth.Event("BluetoothEmulation.descriptorOperationReceived").OnEvent += (_, e) =>
        {
            var type = e!.Value.GetProperty("type").GetString()!;
            operations.Enqueue("descriptor " + type);
            _ = bluetooth.SendAsync("BluetoothEmulation.simulateDescriptorOperationResponse", new() { ["descriptorId"] = descriptorId, ["type"] = type, ["code"] = 0 });
        };

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = gallery.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync("window.__rnCsp = []; document.addEventListener('securitypolicyviolation', e => window.__rnCsp.push(e.violatedDirective));");
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Enqueue(m.Text); } };
        page.PageError += (_, e) => errors.Enqueue(e);

        // The browser's device chooser, answered as a person would: pick the strap.
        var chosen = 0;
        var chooser = await context.NewCDPSessionAsync(page);
        await chooser.SendAsync("DeviceAccess.enable");
        chooser.Event("DeviceAccess.deviceRequestPrompted").OnEvent += (_, e) =>
        {
            // The prompt is raised again as devices are found; pick the strap once it is listed.
            var prompt = e!.Value;
            operations.Enqueue("prompt " + prompt.GetProperty("devices").GetRawText());
            var devices = prompt.GetProperty("devices").EnumerateArray().Where(d => d.GetProperty("id").GetString() == Address).ToList();
            if (devices is not [var device] || Interlocked.Exchange(ref chosen, 1) == 1)
            {
                return;
            }

            chooser.SendAsync("DeviceAccess.selectPrompt", new() { ["id"] = prompt.GetProperty("id").GetString()!, ["deviceId"] = device.GetProperty("id").GetString()! })
                .ContinueWith(t => operations.Enqueue("selectPrompt " + (t.Exception?.InnerException?.Message ?? "ok")), TaskScheduler.Default);
        };

        await page.GotoAsync("widgets/hrv-gauge");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        var status = page.Locator("#strap [role=status]");
        await Assertions.Expect(status).ToHaveTextAsync("Ready to connect a heart-rate strap.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Connect a chest strap" }).ClickAsync();
        try
        {
            await Assertions.Expect(status).ToHaveTextAsync($"Connected to {StrapName}.", new() { Timeout = 15_000 });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException("Not connected; operations seen: " + string.Join(" | ", operations) + "; errors: " + string.Join(" | ", errors), ex);
        }

        await Assertions.Expect(page.Locator("#live-source")).ToHaveTextAsync("Source: your chest strap.");
        await Assertions.Expect(page.Locator("#live-gauge button")).ToHaveTextAsync("Stop");
        Assert.Contains("characteristic subscribe-to-notifications", operations);

        await page.EvaluateAsync(
            """
            async () => {
                const [device] = await navigator.bluetooth.getDevices();
                const service = await device.gatt.getPrimaryService('heart_rate');
                const measurement = await service.getCharacteristic('heart_rate_measurement');
                await measurement.readValue();
                await measurement.readValue();
            }
            """);
        var gauge = page.Locator("#live-gauge [role=meter]");
        await Assertions.Expect(page.Locator("#live-gauge .rn-live__beats")).ToHaveTextAsync("3");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuetext", "50 ms, within your usual range");
        await Assertions.Expect(page.Locator("#live-gauge .rn-live__heart-rate")).ToHaveTextAsync("60 bpm");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "e2e-artifacts", "live-hrv-gauge-emulated-strap.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

        // The strap drops out: the module reports gattserverdisconnected and Reconnect is offered.
        await bluetooth.SendAsync("BluetoothEmulation.simulateGATTDisconnection", new() { ["address"] = Address });
        await Assertions.Expect(status).ToHaveTextAsync($"{StrapName} disconnected. Reconnect when it is back in range.");
        // Chromium 156's emulation drops the peripheral's services on a simulated disconnection (observed): add them again.
        (characteristicId, descriptorId) = await AddHeartRateServiceAsync(bluetooth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconnect" }).ClickAsync();
        try
        {
            await Assertions.Expect(status).ToHaveTextAsync($"Connected to {StrapName}.", new() { Timeout = 15_000 });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException("Not reconnected (" + await status.TextContentAsync() + "); operations seen: " + string.Join(" | ", operations), ex);
        }

        Assert.Empty(errors);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__rnCsp"));
        await context.DisposeAsync();
    }

    /// <summary>Adds the Heart Rate service with its Measurement characteristic (notify, read) and that characteristic's Client Characteristic Configuration descriptor (0x2902), which notifications need.</summary>
    private static async Task<(string CharacteristicId, string DescriptorId)> AddHeartRateServiceAsync(ICDPSession bluetooth)
    {
        var service = await bluetooth.SendAsync("BluetoothEmulation.addService", new() { ["address"] = Address, ["serviceUuid"] = HeartRateService });
        var characteristic = await bluetooth.SendAsync("BluetoothEmulation.addCharacteristic", new()
        {
            ["serviceId"] = service!.Value.GetProperty("serviceId").GetString()!,
            ["characteristicUuid"] = HeartRateMeasurement,
            ["properties"] = new Dictionary<string, object> { ["notify"] = true, ["read"] = true },
        });
        var characteristicId = characteristic!.Value.GetProperty("characteristicId").GetString()!;
        var descriptor = await bluetooth.SendAsync("BluetoothEmulation.addDescriptor", new()
        {
            ["characteristicId"] = characteristicId,
            ["descriptorUuid"] = ClientCharacteristicConfiguration,
        });
        return (characteristicId, descriptor!.Value.GetProperty("descriptorId").GetString()!);
    }
}
