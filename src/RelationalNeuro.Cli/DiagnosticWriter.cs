using System.Text;

namespace RelationalNeuro.Cli;

/// <summary>
/// rn's stderr (progress, problems, summaries): a writer that stops writing, instead of throwing, once the device under it
/// fails — a terminal that was hung up (the SSH session closed: every write then fails with EIO), a full disk under
/// <c>2&gt; log</c>. What it would have said is lost with the device; the run goes on, its tables and exit code are
/// unaffected. (The asynchronous members of <see cref="TextWriter"/> end in these synchronous ones.) Not for stdout: a table written there (<c>-o -</c>) must fail loudly when it cannot be written.
/// </summary>
internal sealed class DiagnosticWriter(TextWriter inner) : TextWriter
{
    private volatile bool _failed;

    /// <summary>Whether a write has failed (nothing is written after that).</summary>
    public bool Failed => _failed;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null (then Environment.NewLine); so does the inner writer's
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (IOException)
        {
            _failed = true;
        }
    }
}
