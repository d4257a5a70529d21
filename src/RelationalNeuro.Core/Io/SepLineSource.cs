namespace RelationalNeuro.Io;

/// <summary>
/// Feeds Sep one physical line per row, so that the CSV reader keeps the guarantees of the line reader: lines come
/// from a <see cref="BoundedLineReader"/> (a line longer than the limit is never held whole; it is passed on as an
/// empty line and noted as <see cref="LineNote.TooLongLength"/>), every line ends in <c>\n</c> (so <c>\r\n</c> and
/// <c>\r</c> count like the other formats), and a line with an odd number of quotes gets a closing quote before
/// its line break (noted as <see cref="LineNote.QuoteClosed"/>), so a quote never joins lines into one row. Sep
/// matches quotes in pairs anywhere in a row; with this, row <c>i</c> (0-based) is line <c>firstLine + i</c>.
/// </summary>
/// <remarks>
/// The notes are queued until the CSV reader reaches their row; Sep reads ahead at most one buffer, so the queue
/// holds at most one note per line in that buffer. Disposing does not dispose the underlying reader.
/// </remarks>
internal sealed class SepLineSource : TextReader
{
    private readonly BoundedLineReader _lines;
    private readonly Queue<LineNote> _notes = new();
    private readonly char[] _pending;
    private int _pendingPos;
    private int _pendingLen;

    /// <summary>Starts with the line <paramref name="lines"/> returned last (the header), then reads on.</summary>
    public SepLineSource(BoundedLineReader lines, int maxLineLength)
    {
        _lines = lines;
        _pending = new char[maxLineLength + 2];
        _pendingLen = Prepare(lines.CurrentLine, lines.LineNumber, _pending);
    }

    /// <summary>The note for <paramref name="lineNumber"/>, if the line was changed on its way to Sep.</summary>
    public bool TryTakeNote(int lineNumber, out LineNote note)
    {
        while (_notes.TryPeek(out note) && note.LineNumber <= lineNumber)
        {
            _notes.Dequeue();
            if (note.LineNumber == lineNumber)
            {
                return true;
            }
        }

        note = default;
        return false;
    }

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingPos < _pendingLen)
            {
                var n = Math.Min(_pendingLen - _pendingPos, buffer.Length - written);
                _pending.AsSpan(_pendingPos, n).CopyTo(buffer[written..]);
                _pendingPos += n;
                written += n;
                continue;
            }

            if (!_lines.ReadLine(out var line, out var fullLength))
            {
                break;
            }

            if (fullLength > line.Length)
            {
                _notes.Enqueue(new LineNote(_lines.LineNumber, fullLength, line[..Math.Min(line.Length, RrReadState.QuotedStartLength)].ToString(), QuoteClosed: false));
                line = [];
            }

            // Most lines fit in what is left of Sep's buffer: copy them there directly.
            if (buffer.Length - written >= line.Length + 2)
            {
                written += Prepare(line, _lines.LineNumber, buffer[written..]);
            }
            else
            {
                _pendingPos = 0;
                _pendingLen = Prepare(line, _lines.LineNumber, _pending);
            }
        }

        return written;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Peek() => -1;

    /// <summary>Writes the line, a closing quote if its quotes are unbalanced, and <c>\n</c> into <paramref name="target"/>.</summary>
    private int Prepare(ReadOnlySpan<char> line, int lineNumber, Span<char> target)
    {
        line.CopyTo(target);
        var length = line.Length;
        if ((line.Count('"') & 1) == 1)
        {
            target[length++] = '"';
            _notes.Enqueue(new LineNote(lineNumber, 0, null, QuoteClosed: true));
        }

        target[length++] = '\n';
        return length;
    }

    /// <summary>How a line was changed on its way to Sep.</summary>
    /// <param name="LineNumber">1-based line number.</param>
    /// <param name="TooLongLength">The full length of a too-long line (passed on empty); 0 otherwise.</param>
    /// <param name="TooLongStart">The start of a too-long line, to quote.</param>
    /// <param name="QuoteClosed">A closing quote was added before the line break.</param>
    internal readonly record struct LineNote(int LineNumber, long TooLongLength, string? TooLongStart, bool QuoteClosed);
}
