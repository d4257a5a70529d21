using System.Globalization;

namespace RelationalNeuro.Internal;

/// <summary>
/// Collects data problems with bounded memory: the first <c>maxListed</c> are kept, the rest only counted;
/// <see cref="ToArray"/> appends one summary problem (code <c>summaryCode</c>) with the total when some were not listed.
/// </summary>
internal sealed class ProblemCollector(int maxListed = 100, string summaryCode = "rr.more-problems")
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
