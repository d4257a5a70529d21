using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery;

/// <summary>
/// <c>GET /data/export/{clientId}</c>: the client's whole record as a JSON download (<see cref="PracticeJson.WriteClientRecord"/>),
/// a file the Data page imports back. A plain link, so it needs no script; 404 for an unknown client.
/// </summary>
internal static class PracticeDataEndpoints
{
    public static IEndpointRouteBuilder MapPracticeDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/data/export/{clientId:guid}", async (Guid clientId, IPracticeStore store, HttpContext context) =>
        {
            if (await store.GetClientAsync(clientId, context.RequestAborted) is null)
            {
                return Results.NotFound();
            }

            var record = await store.ExportClientAsync(clientId, context.RequestAborted);
            var buffer = new MemoryStream();
            PracticeJson.WriteClientRecord(record, buffer);
            buffer.Position = 0;
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(buffer, "application/json", $"client-{clientId:D}.json");
        });
        return endpoints;
    }
}
