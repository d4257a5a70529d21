namespace RelationalNeuro.Gallery;

/// <summary>
/// The gallery's Content-Security-Policy: no inline script, no inline style, no eval, nothing from another
/// origin. Blazor Server needs only its own script and a WebSocket to the same origin ('self' covers ws: and
/// wss: to this host in CSP Level 3 browsers; it is named explicitly for older ones).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
}
