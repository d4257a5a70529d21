using Microsoft.AspNetCore.Http.Features;

namespace RelationalNeuro.Gallery;

/// <summary>
/// Answers HEAD as GET without the content (RFC 9110 §9.3.2: the same status and headers). Blazor's page endpoints and
/// the minimal-API GETs accept GET (and POST) only, so a HEAD to a page matched no endpoint and got the 404 page; link
/// checkers and uptime monitors use HEAD.
/// </summary>
internal static class HeadRequests
{
    /// <summary>
    /// Runs the rest of the pipeline for a HEAD request as a GET whose body is discarded; must come before routing.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            // The server still knows the request is HEAD and writes no body; the endpoint writes into nothing.
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            context.Request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
                context.Features.Set(body);
            }
        });
}
