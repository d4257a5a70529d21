namespace RelationalNeuro.Io;

/// <summary>How a reader decided the unit of the values it read.</summary>
public enum RrUnitSource
{
    /// <summary>The caller stated it in <see cref="RrReadOptions.Unit"/>.</summary>
    Stated = 0,

    /// <summary>The header named it (e.g. <c>RR (ms)</c>, <c>RR-interval [ms]</c>, <c>rr_s</c>).</summary>
    Header = 1,

    /// <summary>Detected with the median rule: median of the parsed values &lt; 10 → seconds, otherwise milliseconds.</summary>
    Detected = 2,
}
