namespace RelationalNeuro.Io;

/// <summary>
/// The source line of each value a reader kept, stored as runs of consecutive lines: entry k says that value
/// <c>Starts[k]</c> came from line <c>Lines[k]</c> and each later value up to the next entry from the line after the one
/// before. A file whose data lines follow each other needs one entry; every blank, header or refused line between two
/// values adds one. <see cref="Lines"/> expands the map to one line number per value on first use and keeps it.
/// </summary>
internal sealed class SourceLineMap
{
    private readonly int[] _starts;
    private readonly int[] _firstLines;
    private readonly int _count;
    private int[]? _expanded;

    private SourceLineMap(int[] starts, int[] firstLines, int count)
    {
        _starts = starts;
        _firstLines = firstLines;
        _count = count;
    }

    /// <summary>No values.</summary>
    public static SourceLineMap Empty { get; } = new([], [], 0);

    /// <summary>One 1-based line number per value; built on first use.</summary>
    public int[] Lines
    {
        get
        {
            var lines = Volatile.Read(ref _expanded);
            if (lines is null)
            {
                lines = new int[_count];
                Fill(lines);
                Volatile.Write(ref _expanded, lines);
            }

            return lines;
        }
    }

    /// <summary>A map of the given line numbers (one per value).</summary>
    public static SourceLineMap FromLines(ReadOnlySpan<int> lines)
    {
        var builder = new Builder();
        foreach (var line in lines)
        {
            builder.Add(line);
        }

        return builder.Build();
    }

    private void Fill(Span<int> lines)
    {
        for (var k = 0; k < _starts.Length; k++)
        {
            var end = k + 1 < _starts.Length ? _starts[k + 1] : _count;
            var line = _firstLines[k];
            for (var i = _starts[k]; i < end; i++)
            {
                lines[i] = line++;
            }
        }
    }

    /// <summary>Collects line numbers one value at a time; adds an entry only where a line is not the one after the last.</summary>
    internal sealed class Builder
    {
        private readonly List<int> _starts = [];
        private readonly List<int> _firstLines = [];
        private int _count;
        private int _last;

        /// <summary>The line of the first value (0 when there is none).</summary>
        public int First => _firstLines.Count > 0 ? _firstLines[0] : 0;

        public void Add(int line)
        {
            if (_count == 0 || line != _last + 1)
            {
                _starts.Add(_count);
                _firstLines.Add(line);
            }

            _last = line;
            _count++;
        }

        /// <summary>One line number per value so far, in a new array of at least <paramref name="length"/> elements.</summary>
        public int[] Expand(int length)
        {
            var lines = new int[Math.Max(length, _count)];
            Build().Fill(lines.AsSpan(0, _count));
            return lines;
        }

        public SourceLineMap Build() => _count == 0 ? Empty : new([.. _starts], [.. _firstLines], _count);
    }
}
