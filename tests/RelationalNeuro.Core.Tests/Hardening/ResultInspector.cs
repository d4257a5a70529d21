using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Walks a result by reflection and finds every double (or float) that is NaN or ±∞: public properties and fields of
/// the library's types (records, record structs), nullable values, arrays, lists and other collections, nested to any
/// depth (each object visited once). Issue 13: never a NaN or ∞ in any member of a result.
/// </summary>
internal static class ResultInspector
{
    /// <summary>The paths (e.g. <c>TimeDomain.MeanHrBpm</c>, <c>Epochs[3].Ratio</c>) of every non-finite value, in visiting order.</summary>
    public static IReadOnlyList<string> NonFinitePaths(object? result)
    {
        var found = new List<string>();
        Visit(result, "result", found, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return found;
    }

    /// <summary>Fails naming each non-finite member.</summary>
    public static void AssertAllFinite(object? result)
    {
        var found = NonFinitePaths(result);
        Assert.True(found.Count == 0, $"Non-finite values in {result?.GetType().Name}: {string.Join(", ", found)}");
    }

    private static void Visit(object? value, string path, List<string> found, HashSet<object> seen, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case double d:
                if (!double.IsFinite(d))
                {
                    found.Add($"{path} = {d}");
                }

                return;
            case float f:
                if (!float.IsFinite(f))
                {
                    found.Add($"{path} = {f}");
                }

                return;
            case string or Enum or bool or char or DateTime or DateTimeOffset or TimeSpan or Guid or Type or Delegate:
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type == typeof(decimal) || depth > 32)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Visit(item, $"{path}[{index++}]", found, seen, depth + 1);
            }

            if (!IsOurs(type))
            {
                return;
            }
        }

        if (!IsOurs(type) && !IsTuple(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract" || property.PropertyType.IsByRefLike)
            {
                continue;
            }

            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue; // a getter that throws is not a stored value
            }

            Visit(member, $"{path}.{property.Name}", found, seen, depth + 1);
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Visit(field.GetValue(value), $"{path}.{field.Name}", found, seen, depth + 1);
        }
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("RelationalNeuro", StringComparison.Ordinal) == true;

    private static bool IsTuple(Type type) => type.IsAssignableTo(typeof(ITuple));
}
