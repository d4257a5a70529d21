namespace RelationalNeuro.Gallery.Analyse;

/// <summary>
/// Settings of the "Analyse a recording" page, from configuration section <see cref="Section"/> (appsettings, or the
/// environment variable <c>RelationalNeuro__Analyse__MaxUploadBytes</c>).
/// </summary>
internal sealed record AnalyseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RelationalNeuro:Analyse";

    /// <summary>
    /// The largest RR file accepted, in bytes (default 16 MiB: a week of beats written one per line is about 5 MB).
    /// A larger file is refused from its declared size, before a byte of it is read; the upload stream is also capped
    /// at this size, so a browser that lies about the size cannot send more.
    /// </summary>
    public long MaxUploadBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Reads the options from configuration (defaults where a value is absent).</summary>
    public static AnalyseOptions From(IConfiguration configuration)
    {
        var options = new AnalyseOptions();
        if (configuration.GetValue<long?>(Section + ":MaxUploadBytes") is { } max)
        {
            options = options with { MaxUploadBytes = max > 0 ? max : throw new InvalidOperationException($"{Section}:MaxUploadBytes must be positive; it is {max}.") };
        }

        return options;
    }
}
