using System.Globalization;

namespace RelationalNeuro.Internal;

/// <summary>
/// The one way the library collects data problems. Bounded memory: the first <c>maxListed</c> are kept, the
/// rest only counted, and <see cref="ToList"/> appends one summary problem (code <c>summaryCode</c>) with the
/// total when some were not listed. <see cref="At"/> gives a view that prefixes every location (a JSON path
/// such as <c>$.items[3]</c>) and shares the same store, so nested validators write into one list.
/// </summary>
internal sealed class ProblemCollector
{
    private readonly Store _store;
    private readonly string? _prefix;

    public ProblemCollector(int maxListed = int.MaxValue, string summaryCode = "problems.more")
        : this(new Store(maxListed, summaryCode), prefix: null)
    {
    }

    private ProblemCollector(Store store, string? prefix)
    {
        _store = store;
        _prefix = prefix;
    }

    /// <summary>Every problem added, listed or not.</summary>
    public int Count => _store.Count;

    public bool HasErrors => _store.HasErrors;

    public bool IsEmpty => _store.Count == 0;

    /// <summary>A view whose locations start with this view's prefix followed by <paramref name="segment"/> (e.g. <c>.items[3]</c>).</summary>
    public ProblemCollector At(string segment) => new(_store, Join(_prefix, segment));

    /// <summary>The full location for <paramref name="location"/> under this view's prefix.</summary>
    public string? Locate(string? location) => Join(_prefix, location);

    /// <summary>Adds <paramref name="problem"/>, its location prefixed with this view's prefix.</summary>
    public void Add(Problem problem)
    {
        if (_prefix is not null)
        {
            problem = problem with { Location = Join(_prefix, problem.Location) };
        }

        _store.Add(problem);
    }

    public void AddRange(IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }

    /// <summary>Adds an <see cref="ProblemSeverity.Error"/> at <paramref name="location"/> (relative to the prefix).</summary>
    public void Error(string code, string message, string? location = null) =>
        _store.Add(new Problem(code, message, ProblemSeverity.Error, Join(_prefix, location)));

    /// <summary>Adds a <see cref="ProblemSeverity.Warning"/> at <paramref name="location"/> (relative to the prefix).</summary>
    public void Warning(string code, string message, string? location = null) =>
        _store.Add(new Problem(code, message, ProblemSeverity.Warning, Join(_prefix, location)));

    /// <summary>The problems, in the order added, with the summary problem when some were not listed.</summary>
    public ProblemList ToList() => ProblemList.Wrap(_store.ToArray());

    /// <summary>
    /// The prefix followed by the location: a path step (<c>.x</c>, <c>[3]</c>) is appended as it is, a path of its own
    /// (<c>$.x</c>) continues the prefix, and a bare name (a metric's <c>ULF</c>) becomes a member step (<c>.ULF</c>).
    /// </summary>
    private static string? Join(string? prefix, string? location) =>
        prefix is null ? location
        : location is null or "" or "$" ? prefix
        : location[0] is '.' or '[' ? prefix + location
        : location[0] == '$' ? prefix + location[1..]
        : prefix + "." + location;

    private sealed class Store(int maxListed, string summaryCode)
    {
        private readonly List<Problem> _listed = [];

        public int Count { get; private set; }

        public bool HasErrors { get; private set; }

        public void Add(Problem problem)
        {
            Count++;
            if (problem.Severity == ProblemSeverity.Error)
            {
                HasErrors = true;
            }

            if (_listed.Count < maxListed)
            {
                _listed.Add(problem);
            }
        }

        public Problem[] ToArray()
        {
            if (Count <= _listed.Count)
            {
                return [.. _listed];
            }

            var all = new Problem[_listed.Count + 1];
            _listed.CopyTo(all);
            all[^1] = new Problem(
                summaryCode,
                string.Create(CultureInfo.InvariantCulture, $"{Count} problems in total; the first {_listed.Count} are listed."),
                HasErrors ? ProblemSeverity.Error : ProblemSeverity.Warning);
            return all;
        }
    }
}
