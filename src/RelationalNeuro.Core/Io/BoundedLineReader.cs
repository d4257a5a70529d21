namespace RelationalNeuro.Io;

/// <summary>
/// Reads lines (<c>\n</c>, <c>\r\n</c> or <c>\r</c>) from a <see cref="TextReader"/> into a fixed buffer, so a
/// file without line breaks (or a binary file) cannot make one huge string: characters past
/// <c>maxLineLength</c> are consumed and counted, not stored.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _buffer = new char[16384];
    private readonly char[] _line = new char[maxLineLength];
    private int _pos;
    private int _len;
    private int _stored;
    private int _inBufferStart = -1;
    private bool _eof;

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>
    /// True when reading stopped because the line number reached <see cref="MaximumLines"/> (2³¹ − 1, where an
    /// <see cref="int"/> line number would overflow) before the end of the text.
    /// </summary>
    public bool LineLimitReached { get; private set; }

    /// <summary>The most lines read: <see cref="int.MaxValue"/>; tests lower it.</summary>
    internal int MaximumLines { get; init; } = int.MaxValue;

    /// <summary>The line last returned (its first <c>maxLineLength</c> characters); valid until the next <see cref="ReadLine"/>.</summary>
    public ReadOnlySpan<char> CurrentLine => _inBufferStart >= 0 ? _buffer.AsSpan(_inBufferStart, _stored) : _line.AsSpan(0, _stored);

    /// <summary>Reads the next line. Returns false at the end of the text.</summary>
    /// <param name="line">The line (its first <c>maxLineLength</c> characters if it is longer).</param>
    /// <param name="fullLength">The line's full length in characters.</param>
    public bool ReadLine(out ReadOnlySpan<char> line, out long fullLength)
    {
        if (LineNumber >= MaximumLines)
        {
            // The text goes on (or may): say so, and read no further.
            LineLimitReached = _pos < _len || (!_eof && Fill());
            line = default;
            fullLength = 0;
            return false;
        }

        // Fast path: the whole line and the character after its break are in the buffer, so it is returned where it
        // lies, without a copy (the buffer is refilled only by the next call).
        if (_pos < _len)
        {
            var rest = _buffer.AsSpan(_pos, _len - _pos);
            var end = rest.IndexOfAny('\r', '\n');
            if (end >= 0 && end <= _line.Length && end + 1 < rest.Length)
            {
                _inBufferStart = _pos;
                _stored = end;
                _pos += end + 1;
                if (rest[end] == '\r' && rest[end + 1] == '\n')
                {
                    _pos++;
                }

                LineNumber++;
                line = rest[..end];
                fullLength = end;
                return true;
            }
        }

        _inBufferStart = -1;
        var stored = 0;
        long length = 0;
        var any = false;
        while (_pos < _len || (!_eof && Fill()))
        {
            any = true;
            var rest = _buffer.AsSpan(_pos, _len - _pos);
            var end = rest.IndexOfAny('\r', '\n');
            var chunk = end < 0 ? rest : rest[..end];
            var keep = Math.Min(chunk.Length, _line.Length - stored);
            chunk[..keep].CopyTo(_line.AsSpan(stored));
            stored += keep;
            length += chunk.Length;
            if (end < 0)
            {
                _pos = _len;
                continue;
            }

            _pos += end + 1;
            if (rest[end] == '\r')
            {
                if (_pos >= _len)
                {
                    Fill();
                }

                if (_pos < _len && _buffer[_pos] == '\n')
                {
                    _pos++;
                }
            }

            break;
        }

        if (!any)
        {
            line = default;
            fullLength = 0;
            return false;
        }

        LineNumber++;
        _stored = stored;
        line = _line.AsSpan(0, stored);
        fullLength = length;
        return true;
    }

    private bool Fill()
    {
        _len = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (_len <= 0)
        {
            _len = 0;
            _eof = true;
            return false;
        }

        return true;
    }
}
