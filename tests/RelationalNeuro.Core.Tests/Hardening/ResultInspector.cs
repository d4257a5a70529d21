using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Walks a result's object graph by reflection and lists every non-finite number in it (NaN, +∞, −∞), with the
/// path that leads to it (<c>TimeDomain.MeanHrBpm</c>, <c>Series._intervalsMs[3]</c>). The house rule is "never a
/// NaN/∞ in a result member"; the fuzz and property suites assert <c>Assert.Empty(ResultInspector.NonFinite(r))</c>.
/// </summary>
/// <remarks>
/// Fields are read, not properties: a property returning <c>ReadOnlySpan&lt;double&gt;</c> (<c>RrSeries.IntervalsMs</c>)
/// cannot be read by reflection, but its backing array can. Only types of the RelationalNeuro assemblies are walked
/// field by field; collections (anything <see cref="IEnumerable"/> but a string) are walked element by element; other
/// framework types are leaves. Each object is visited once (reference identity), so cycles end; depth is bounded.
/// </remarks>
public static class ResultInspector
{
    private const int MaxDepth = 32;
    private const int MaxFindings = 20;

    /// <summary>The paths of the non-finite numbers in <paramref name="result"/> (at most 20), empty when there is none.</summary>
    /// <param name="result">A result record, struct or collection of them; null yields nothing.</param>
    /// <param name="name">The name the paths start with.</param>
    public static IReadOnlyList<string> NonFinite(object? result, string name = "result")
    {
        var findings = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(result, name, 0, findings, seen);
        return findings;
    }

    /// <summary>Asserts that <paramref name="result"/> holds no NaN or ∞, naming each path that does.</summary>
    public static void AssertFinite(object? result, string name = "result")
    {
        var found = NonFinite(result, name);
        Assert.True(found.Count == 0, $"Non-finite values in {name}: {string.Join(", ", found)}");
    }

    private static void Walk(object? value, string path, int depth, List<string> findings, HashSet<object> seen)
    {
        if (value is null || findings.Count >= MaxFindings || depth > MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case double d:
                if (!double.IsFinite(d))
                {
                    findings.Add(Invariant($"{path} = {d}"));
                }

                return;
            case float f:
                if (!float.IsFinite(f))
                {
                    findings.Add(Invariant($"{path} = {f}"));
                }

                return;
            case string or decimal or bool or char or Enum or Type or Delegate or MemberInfo:
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is double[] doubles)
        {
            for (var i = 0; i < doubles.Length && findings.Count < MaxFindings; i++)
            {
                if (!double.IsFinite(doubles[i]))
                {
                    findings.Add(Invariant($"{path}[{i}] = {doubles[i]}"));
                }
            }

            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Value, $"{path}[{entry.Key}]", depth + 1, findings, seen);
            }

            return;
        }

        if (value is IEnumerable enumerable)
        {
            var i = 0;
            foreach (var item in enumerable)
            {
                Walk(item, $"{path}[{i++}]", depth + 1, findings, seen);
            }

            return;
        }

        if (type.Assembly.GetName().Name?.StartsWith("RelationalNeuro", StringComparison.Ordinal) != true)
        {
            return;
        }

        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsByRefLike || field.FieldType.IsPointer || field.IsDefined(typeof(CompilerGeneratedAttribute)) && field.Name == "EqualityContract")
                {
                    continue;
                }

                if (IsMissingSentinel(t, field.Name))
                {
                    // Its NaNs never leave the type; walk what the public accessor returns instead.
                    var result = (RelationalNeuro.Synchrony.WindowedCrossCorrelationResult)value;
                    for (var w = 0; w < result.WindowCount; w++)
                    {
                        for (var l = 0; l < result.LagCount; l++)
                        {
                            Walk(result.Cell(w, l), Invariant($"{path}.Cell({w}, {l})"), depth + 1, findings, seen);
                        }
                    }

                    continue;
                }

                Walk(field.GetValue(value), $"{path}.{Display(field.Name)}", depth + 1, findings, seen);
            }
        }
    }

    /// <summary>
    /// A private array whose NaN is the type's documented "missing" mark and is never returned as a number:
    /// <c>WindowedCrossCorrelationResult._cells</c> (rMEA's identity rule and constant blocks), which <c>Cell(w, l)</c> returns
    /// as null. The only exemption; the inspector walks the accessor's values in its place.
    /// </summary>
    private static bool IsMissingSentinel(Type type, string fieldName) =>
        type == typeof(RelationalNeuro.Synchrony.WindowedCrossCorrelationResult) && fieldName == "_cells";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>&lt;MeanHrBpm&gt;k__BackingField</c> → <c>MeanHrBpm</c>.</summary>
    private static string Display(string fieldName)
    {
        if (fieldName.StartsWith('<'))
        {
            var end = fieldName.IndexOf('>', StringComparison.Ordinal);
            if (end > 1)
            {
                return fieldName[1..end];
            }
        }

        return fieldName;
    }
}
