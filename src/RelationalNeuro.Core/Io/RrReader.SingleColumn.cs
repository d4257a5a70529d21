namespace RelationalNeuro.Io;

/// <content>
/// <see cref="RrFormat.SingleColumn"/>: one value per line, optionally after one header line (Polar Flow / Polar Beat
/// RR <c>.txt</c>, Elite HRV exports).
/// </content>
public static partial class RrReader
{
    /// <summary>Reads the format; returns the number of lines read.</summary>
    private static int ReadSingleColumn(BoundedLineReader lines, RrReadState state)
    {
        var seenNonBlank = false;
        while (!state.Stopped && lines.ReadLine(out var line, out var fullLength))
        {
            // Most lines are a plain number with nothing around it.
            if (fullLength == line.Length && TryParsePlainDecimal(line, out var plain))
            {
                seenNonBlank = true;
                state.AddValue(plain, lines.LineNumber, line);
                continue;
            }

            if (state.SkipBlankOrLong(line, fullLength, lines.LineNumber))
            {
                continue;
            }

            var text = line.Trim();
            if (TryParse(text, out var value))
            {
                seenNonBlank = true;
                state.AddValue(value, lines.LineNumber, text);
                continue;
            }

            if (RrReadState.LooksLikeDecimalComma(text))
            {
                seenNonBlank = true;
                state.Unparsable(lines.LineNumber, line, DecimalCommaReason);
                continue;
            }

            if (!seenNonBlank)
            {
                // One header line is allowed before the first value (e.g. "RR" or "RR (ms)").
                seenNonBlank = true;
                state.AddHeader(text.ToString());
                state.HeaderUnit ??= UnitFromTokens(text.ToString(), afterRrOnly: false);
                continue;
            }

            state.Unparsable(lines.LineNumber, line, "is not a number");
        }

        return lines.LineNumber;
    }
}
