namespace RelationalNeuro.Gallery;

/// <summary>
/// The gallery's Content-Security-Policy: no inline script, no inline style, no JavaScript eval, nothing from
/// another origin. Blazor Server needs only its own script and a WebSocket to the same origin ('self' covers ws:
/// and wss: to this host in CSP Level 3 browsers; it is named explicitly for older ones).
/// </summary>
/// <remarks>
/// Blazor WebAssembly (the <c>widgets/webassembly</c> page) needs one more source expression:
/// <c>'wasm-unsafe-eval'</c> in <c>script-src</c>, which lets the page compile and instantiate WebAssembly modules
/// (<c>WebAssembly.instantiateStreaming</c> of <c>dotnet.native.wasm</c>) and nothing else: JavaScript
/// <c>eval</c>, <c>new Function</c> and string timers stay blocked, unlike <c>'unsafe-eval'</c>, which the policy
/// never contains. Its scripts (<c>blazor.web.js</c>, <c>dotnet.js</c> and the runtime's ES modules) and its
/// downloads (assemblies, ICU data) all come from the same origin, which <c>'self'</c> already allows.
/// It is sent on every response, not only that page's: enhanced navigation from another gallery page keeps the
/// first document (and its policy), and the runtime starts in it.
/// </remarks>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// Sends the policy on every response: the headers are written as the response starts, so an error page
    /// written after the exception handler cleared the response (or a 400 from an endpoint) carries them too.
    /// </summary>
    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
