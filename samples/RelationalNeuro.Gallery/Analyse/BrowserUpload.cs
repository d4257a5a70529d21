using Microsoft.AspNetCore.Components.Forms;

namespace RelationalNeuro.Gallery.Analyse;

/// <summary>Reads an uploaded file's bytes in chunks, capped at a limit, reporting the fraction received.</summary>
internal static class BrowserUpload
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The file's bytes. The stream is capped at <paramref name="limit"/> too, so a browser that understated the size
    /// cannot send more (the read then fails with an <see cref="IOException"/>). <paramref name="received"/> gets the
    /// fraction of the declared size read so far (0–1), at most every 5 %.
    /// </summary>
    public static async Task<byte[]> ReadAsync(IBrowserFile file, long limit, Action<double>? received, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream(limit, cancellationToken);
        using var buffer = new MemoryStream((int)Math.Min(Math.Min(file.Size, limit), Array.MaxLength));
        var chunk = new byte[ChunkBytes];
        int read;
        var lastShown = 0.0;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            var fraction = file.Size > 0 ? Math.Min(1, (double)buffer.Length / file.Size) : 1;
            if (fraction - lastShown >= 0.05)
            {
                lastShown = fraction;
                received?.Invoke(fraction);
            }
        }

        return buffer.ToArray();
    }
}
