using System.Net.Mime;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery;

/// <summary>
/// The page an unhandled exception answers with outside Development: a fixed, static document written directly
/// (no component, no form, no antiforgery), so it cannot fail itself — whatever the failed request's method was —
/// and it says nothing about the exception. The one exception it names is the practice store's refusal to open (a
/// damaged file, one from a newer version, a read-only folder): then every page that uses the store would fail the
/// same way, and the practitioner needs to know which file and what to do (503, the store's own problem text, the file
/// path — both HTML-encoded). The strict CSP is added by <see cref="SecurityHeaders"/> as the response starts.
/// </summary>
internal static class ErrorResponse
{
    private const string Head =
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

        """;

    private const string Tail =
        """
                <p><a href="/">Back to the gallery</a></p>
            </main>
        </body>
        </html>
        """;

    private const string Generic =
        """
                <h1>Something went wrong</h1>
                <p>The request could not be completed. Nothing you entered has been sent anywhere.</p>

        """;

    public static Task WriteAsync(HttpContext context)
    {
        var store = StoreRefusal(context.Features.Get<IExceptionHandlerFeature>()?.Error);
        context.Response.StatusCode = store is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(Head + (store is null ? Generic : StoreText(store)) + Tail, context.RequestAborted);
    }

    /// <summary>The store's refusal to open or to work at all, found in <paramref name="exception"/> or its inner exceptions.</summary>
    private static PracticeStoreException? StoreRefusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PracticeStoreException { Error: PracticeStoreError.CorruptStore or PracticeStoreError.NewerSchema or PracticeStoreError.AccessDenied or PracticeStoreError.NotAFile or PracticeStoreError.StorageFailure or PracticeStoreError.Busy } store)
            {
                return store;
            }
        }

        return null;
    }

    private static string StoreText(PracticeStoreException store)
    {
        var html = HtmlEncoder.Default;
        var problem = store.Problems.Count > 0 ? store.Problems[0] : null;
        var what = store.Error switch
        {
            PracticeStoreError.CorruptStore => "The file is damaged, or is not a practice store. It has not been changed. To go on, close the app, move the file somewhere else (keep it: an SQLite tool such as <code>sqlite3 … .recover</code> may get the data back) and start the app again: it begins a new, empty store, into which clients can be imported from their JSON exports on <em>Your data</em>.",
            PracticeStoreError.NewerSchema => "It was written by a newer version of RelationalNeuro and has not been changed. Use that version, or point this one at another data folder (<code>RelationalNeuro:DataFolder</code>).",
            PracticeStoreError.AccessDenied => "The file or its folder cannot be written: it is read-only, or this user may not write there. Give write access, or point the app at a folder that can be written (<code>RelationalNeuro:DataFolder</code>), and reload.",
            PracticeStoreError.NotAFile => "The configured path names a folder or a device, not a file: check <code>RelationalNeuro:PracticeStorePath</code>.",
            _ => "Another program may hold it locked, or the disk failed or is full. Close the other program or free some space, and reload this page.",
        };
        return
            $"""
                    <h1>The practice store could not be opened</h1>
                    <p>File: <code>{html.Encode(problem?.Location ?? "(unknown)")}</code></p>
                    <p>{html.Encode(problem?.Message ?? store.Message)}</p>
                    <p>{what}</p>
                    <p>Nothing you entered has been sent anywhere. Pages that do not need the store (the widget pages) still work.</p>

            """;
    }
}
