using System.Net.Mime;

namespace RelationalNeuro.Gallery;

/// <summary>
/// The page an unhandled exception answers with outside Development: a fixed, static document written directly
/// (no component, no form, no antiforgery), so it cannot fail itself — whatever the failed request's method was —
/// and it says nothing about the exception. The strict CSP is added by <see cref="SecurityHeaders"/> as the
/// response starts.
/// </summary>
internal static class ErrorResponse
{
    private const string Page =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <meta name="color-scheme" content="light dark" />
            <title>Error · RelationalNeuro</title>
        </head>
        <body>
            <main>
                <h1>Something went wrong</h1>
                <p>The request could not be completed. Nothing you entered has been sent anywhere.</p>
                <p><a href="/">Back to the gallery</a></p>
            </main>
        </body>
        </html>
        """;

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(Page, context.RequestAborted);
    }
}
