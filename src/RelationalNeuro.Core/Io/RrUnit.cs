namespace RelationalNeuro.Io;

/// <summary>The unit of the RR values in a text file.</summary>
public enum RrUnit
{
    /// <summary>Decide from the file: a unit named in the header wins, else the median rule (see <see cref="RrReader"/>).</summary>
    Auto = 0,

    /// <summary>Milliseconds.</summary>
    Milliseconds = 1,

    /// <summary>Seconds (multiplied by 1000 on reading).</summary>
    Seconds = 2,
}
