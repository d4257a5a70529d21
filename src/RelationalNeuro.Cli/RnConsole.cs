namespace RelationalNeuro.Cli;

/// <summary>Where a command writes and which clock it reads: the process's in production, captured ones in tests.</summary>
internal sealed record RnConsole(TextWriter Out, TextWriter Error, TimeProvider Time)
{
    /// <summary>The process's stdout, its stderr (through a <see cref="DiagnosticWriter"/>: a hung-up terminal must not end
    /// the run) and clock.</summary>
    public static RnConsole System => new(Console.Out, new DiagnosticWriter(Console.Error), TimeProvider.System);
}
