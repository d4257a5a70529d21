using System.Text;

namespace RelationalNeuro.Components.Charts;

/// <summary>
/// Builds SVG path data ("M x y L x y …") with invariant numbers rounded to 0.01. A non-finite point breaks the line:
/// the next finite point starts a new subpath, so gaps in the data are drawn as gaps.
/// </summary>
internal sealed class SvgPath
{
    private readonly StringBuilder _data;
    private bool _penDown;

    public SvgPath(int capacity = 256) => _data = new StringBuilder(capacity);

    /// <summary>True when nothing has been drawn.</summary>
    public bool IsEmpty => _data.Length == 0;

    /// <summary>Starts a new subpath at (x, y).</summary>
    public SvgPath MoveTo(double x, double y)
    {
        Command('M', x, y);
        _penDown = true;
        return this;
    }

    /// <summary>A line to (x, y), or a move when the pen is up (first point or after a break).</summary>
    public SvgPath LineTo(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            _penDown = false;
            return this;
        }

        Command(_penDown ? 'L' : 'M', x, y);
        _penDown = true;
        return this;
    }

    /// <summary>Lifts the pen: the next <see cref="LineTo"/> starts a new subpath.</summary>
    public SvgPath Break()
    {
        _penDown = false;
        return this;
    }

    /// <summary>Closes the current subpath.</summary>
    public SvgPath Close()
    {
        _data.Append('Z');
        _penDown = false;
        return this;
    }

    /// <summary>An axis-aligned rectangle as its own closed subpath.</summary>
    public SvgPath Rect(double x, double y, double width, double height)
    {
        MoveTo(x, y);
        _data.Append('h');
        ChartNumber.AppendSvg(_data, width);
        _data.Append('v');
        ChartNumber.AppendSvg(_data, height);
        _data.Append('h');
        ChartNumber.AppendSvg(_data, -width);
        return Close();
    }

    /// <summary>The path data.</summary>
    public override string ToString() => _data.ToString();

    private void Command(char command, double x, double y)
    {
        _data.Append(command);
        ChartNumber.AppendSvg(_data, x);
        _data.Append(' ');
        ChartNumber.AppendSvg(_data, y);
    }
}
