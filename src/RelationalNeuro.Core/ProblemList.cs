using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace RelationalNeuro;

/// <summary>
/// The read-only list of <see cref="Problem"/>s every result in the library carries (declared as
/// <see cref="IReadOnlyList{T}"/> of <see cref="Problem"/>). It prints as its count and codes, so a result's
/// <c>ToString()</c> reads <c>Problems = 2 problems (hrv.too-few-beats, rr.out-of-range)</c> instead of a type name.
/// </summary>
/// <remarks>Immutable: the constructor copies its input. Equality is by reference, like the arrays it replaces.</remarks>
[CollectionBuilder(typeof(ProblemList), nameof(Create))]
public sealed class ProblemList : IReadOnlyList<Problem>
{
    private const int CodesPrinted = 5;
    private readonly Problem[] _items;

    /// <summary>The empty list (shared; results without problems allocate nothing for it).</summary>
    public static ProblemList Empty { get; } = new([], copy: false);

    /// <summary>A list holding a copy of <paramref name="problems"/>.</summary>
    /// <param name="problems">The problems, in order. None may be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or one of its elements is null.</exception>
    public ProblemList(IEnumerable<Problem> problems)
        : this(Copy(problems), copy: false)
    {
    }

    private ProblemList(Problem[] items, bool copy) => _items = copy ? [.. items] : items;

    /// <summary>The number of problems.</summary>
    public int Count => _items.Length;

    /// <summary>Whether any problem is an <see cref="ProblemSeverity.Error"/>.</summary>
    public bool HasErrors => Array.Exists(_items, p => p.Severity == ProblemSeverity.Error);

    /// <summary>The problem at <paramref name="index"/>.</summary>
    /// <param name="index">0-based.</param>
    public Problem this[int index] => _items[index];

    /// <summary>A list holding a copy of <paramref name="problems"/>; the target of collection expressions (<c>[p1, p2]</c>).</summary>
    /// <param name="problems">The problems, in order. None may be null.</param>
    /// <returns>A new list, or <see cref="Empty"/> when <paramref name="problems"/> is empty.</returns>
    /// <exception cref="ArgumentNullException">One of the elements is null.</exception>
    public static ProblemList Create(ReadOnlySpan<Problem> problems)
    {
        if (problems.IsEmpty)
        {
            return Empty;
        }

        var items = problems.ToArray();
        foreach (var p in items)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(problems));
        }

        return new ProblemList(items, copy: false);
    }

    /// <summary>
    /// Wraps <paramref name="problems"/> without copying when it already is a <see cref="ProblemList"/>, and as a copy otherwise.
    /// Null or an empty sequence gives <see cref="Empty"/>.
    /// </summary>
    /// <param name="problems">The problems, or null.</param>
    /// <returns>A problem list with the same elements in the same order.</returns>
    public static ProblemList From(IEnumerable<Problem>? problems) => problems switch
    {
        null => Empty,
        ProblemList list => list,
        _ => Wrap(Copy(problems)),
    };

    /// <summary>The count and the first few codes, e.g. <c>2 problems (hrv.too-few-beats, rr.out-of-range)</c>.</summary>
    /// <returns>A short invariant description.</returns>
    public override string ToString()
    {
        if (_items.Length == 0)
        {
            return "0 problems";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{_items.Length} problem{(_items.Length == 1 ? string.Empty : "s")} (");
        var shown = Math.Min(_items.Length, CodesPrinted);
        for (var i = 0; i < shown; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_items[i].Code);
        }

        if (_items.Length > shown)
        {
            text.Append(CultureInfo.InvariantCulture, $", … {_items.Length - shown} more");
        }

        return text.Append(')').ToString();
    }

    /// <inheritdoc />
    public IEnumerator<Problem> GetEnumerator() => ((IEnumerable<Problem>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    internal static ProblemList Wrap(Problem[] items) => items.Length == 0 ? Empty : new ProblemList(items, copy: false);

    private static Problem[] Copy(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var items = problems.ToArray();
        foreach (var p in items)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(problems));
        }

        return items;
    }
}
