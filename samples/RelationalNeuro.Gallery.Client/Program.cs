using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RelationalNeuro.Components;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
// The same registration as on the server: the widgets' TimeProvider (the browser's clock here).
builder.Services.AddRelationalNeuroComponents();
await builder.Build().RunAsync();
