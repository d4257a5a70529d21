using RelationalNeuro.Components;
using RelationalNeuro.Gallery;
using RelationalNeuro.Gallery.Components;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents()
    .AddInteractiveWebAssemblyComponents()
    .AddInteractiveServerComponents()
    // A text field's value reaches the circuit in one message. SignalR's default limit (32 KB) is less than the longest
    // text the journal accepts (maxlength 20,000 UTF-16 units: 40 KB of Arabic, 60 KB of Chinese in UTF-8, up to 120 KB of
    // JSON-escaped characters): a longer message closed the circuit and lost what was typed.
    .AddHubOptions(o => o.MaximumReceiveMessageSize = 128 * 1024);
builder.Services.AddRelationalNeuroComponents();
// The CSP's frame-ancestors 'none' forbids framing; antiforgery would add X-Frame-Options: SAMEORIGIN, a weaker and
// contradictory second answer.
builder.Services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
builder.Services.AddPracticeStore(builder.Configuration);
builder.Services.AddSingleton(RelationalNeuro.Gallery.Analyse.AnalyseOptions.From(builder.Configuration));
builder.Services.AddSingleton<RelationalNeuro.Gallery.Analyse.ReportExports>();
builder.Services.AddSingleton<RelationalNeuro.Gallery.Analyse.DyadExports>();

var app = builder.Build();

// First, so that every response — error pages and rejected posts included — carries the policy.
app.UseContentSecurityPolicy();
// Before routing, which matches page endpoints for GET and POST only: a HEAD is routed as the GET it stands for.
app.UseHeadAsGet();
app.UseRouting();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponse.WriteAsync });
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPreferenceEndpoints();
app.MapAssessEndpoints();
app.MapPracticeDataEndpoints();
RelationalNeuro.Gallery.Analyse.ReportExports.Map(app);
RelationalNeuro.Gallery.Analyse.DyadExports.Map(app);
app.MapRazorComponents<App>()
    // Our own policy already says frame-ancestors 'none'; Blazor's default second header would only add noise.
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
    // Pages in the client project (e.g. /widgets/webassembly) run in the browser on .NET WebAssembly.
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(RelationalNeuro.GalleryClient._Imports).Assembly);

app.Run();
