using Microsoft.AspNetCore.Components;

namespace RelationalNeuro.Components.Charts;

/// <summary>
/// The data behind a chart as a table for screen readers (visually hidden with <c>rn-visually-hidden</c>): a caption,
/// column headers, rows of cell text (numbers already formatted with the invariant culture) and, when the rows are a
/// summary or a sample of the data, a note that says so (it is written into the caption, so it is read first).
/// </summary>
/// <param name="Caption">What the table holds.</param>
/// <param name="Columns">Column headers, with units.</param>
/// <param name="Rows">Cell text; each row has one cell per column.</param>
/// <param name="Note">Null when every data point is a row; otherwise how the rows were reduced.</param>
internal sealed record ChartTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, string? Note = null)
{
    /// <summary>The table's markup.</summary>
    public RenderFragment Render() => builder =>
    {
        builder.OpenElement(0, "table");
        builder.AddAttribute(1, "class", "rn-visually-hidden rn-chart__table");
        builder.OpenElement(2, "caption");
        builder.AddContent(3, Note is null ? Caption : Caption + " " + Note);
        builder.CloseElement();
        builder.OpenElement(4, "thead");
        builder.OpenElement(5, "tr");
        foreach (var column in Columns)
        {
            builder.OpenElement(6, "th");
            builder.AddAttribute(7, "scope", "col");
            builder.AddContent(8, column);
            builder.CloseElement();
        }

        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(9, "tbody");
        foreach (var row in Rows)
        {
            builder.OpenElement(10, "tr");
            for (var c = 0; c < row.Length; c++)
            {
                // The first cell names the row (a time, a frequency): a row header.
                builder.OpenElement(11, c == 0 ? "th" : "td");
                if (c == 0)
                {
                    builder.AddAttribute(12, "scope", "row");
                }

                builder.AddContent(13, row[c]);
                builder.CloseElement();
            }

            builder.CloseElement();
        }

        builder.CloseElement();
        builder.CloseElement();
    };
}
