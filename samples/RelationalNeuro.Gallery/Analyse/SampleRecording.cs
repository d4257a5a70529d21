namespace RelationalNeuro.Gallery.Analyse;

/// <summary>
/// The sample recording one click away on the "Analyse a recording" page: pyHRV's 5-minute NN sample series
/// (<c>SampleNNISeriesShort.npy</c> of PGomes92/pyhrv at 73ea446e, written one value per line in ms; 337 intervals),
/// redistributed under its BSD-3-Clause licence, kept beside it in <c>Data/pyhrv-sample-short-5min.LICENSE.txt</c>.
/// </summary>
internal static class SampleRecording
{
    public const string FileName = "pyhrv-sample-short-5min.rr_ms.txt";

    private const string ResourceName = "RelationalNeuro.Gallery.Data." + FileName;

    private static readonly Lazy<byte[]> Bytes = new(Load);

    /// <summary>The file's bytes.</summary>
    public static byte[] Content => Bytes.Value;

    private static byte[] Load()
    {
        using var stream = typeof(SampleRecording).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The sample recording is missing from the gallery assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
