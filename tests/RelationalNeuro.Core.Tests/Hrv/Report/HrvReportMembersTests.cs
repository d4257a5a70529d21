using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The plumbing a new HRV metric relies on (docs/hrv.md, "Adding a metric"): every public member of
/// <see cref="HrvReport"/> and of the results it holds, found by reflection, is written to JSON (and read back), and
/// changes the CSV row when its value changes — unless it is in <see cref="NotInCsv"/>, the written list of members that
/// are JSON-only on purpose. A member added to a result or to the report and not given a CSV column makes
/// <see cref="EveryReportMember_IsInJsonAndChangesTheCsvRow_OrIsListedAsJsonOnly"/> fail, naming it.
/// </summary>
public sealed class HrvReportMembersTests
{
    private const string IrregularInProblems = "a list of segments; the CSV has their number and total duration (irregular_segment_count, irregular_duration_s), each segment's details are in the JSON";

    /// <summary>Members written to JSON but, on purpose, not to the flat CSV row, with the reason (JSON path, camelCase).</summary>
    private static readonly Dictionary<string, string> NotInCsv = new(StringComparer.Ordinal)
    {
        ["$.input.problems"] = "each stage's problems are repeated in the report's problems (problem_count, problem_codes)",
        ["$.artifacts.flaggedIndices"] = "a list; flagged_count and flagged_<kind> summarise it",
        ["$.artifacts.problems"] = "repeated in the report's problems",
        ["$.artifacts.irregularSegments[].startIndex"] = IrregularInProblems,
        ["$.artifacts.irregularSegments[].count"] = IrregularInProblems,
        ["$.artifacts.irregularSegments[].startSeconds"] = IrregularInProblems,
        ["$.artifacts.irregularSegments[].normalizedRmssd"] = IrregularInProblems,
        ["$.artifacts.irregularSegments[].shannonEntropy"] = IrregularInProblems,
        ["$.artifacts.irregularSegments[].turningPointRatio"] = IrregularInProblems,
        ["$.artifacts.irregularSegments[].remainderNormalizedRmssd"] = IrregularInProblems,
        ["$.timeDomain.intervalCount"] = "equals nn_count",
        ["$.timeDomain.durationSeconds"] = "equals nn_duration_s",
        ["$.timeDomain.histogramBinWidthMs"] = "an option echoed for provenance",
        ["$.timeDomain.segmentDurationSeconds"] = "an option echoed for provenance",
        ["$.timeDomain.segmentCount"] = "diagnostic detail behind sdann_ms",
        ["$.timeDomain.problems"] = "repeated in the report's problems",
        ["$.poincare.intervalCount"] = "equals nn_count",
        ["$.poincare.definition"] = "an option echoed for provenance",
        ["$.poincare.problems"] = "repeated in the report's problems",
        ["$.frequencyDomain.durationSeconds"] = "equals nn_duration_s",
        ["$.frequencyDomain.frequencyResolutionHz"] = "diagnostic detail of the spectrum",
        ["$.frequencyDomain.frequencyStepHz"] = "diagnostic detail of the spectrum",
        ["$.frequencyDomain.problems"] = "repeated in the report's problems",
        ["$.sampleEntropy.templateCount"] = "diagnostic count behind sample_entropy",
        ["$.sampleEntropy.matchingPairsM"] = "diagnostic count behind sample_entropy",
        ["$.sampleEntropy.matchingPairsMPlusOne"] = "diagnostic count behind sample_entropy",
        ["$.sampleEntropy.problems"] = "repeated in the report's problems",
        ["$.approximateEntropy.embeddingDimension"] = "the same option as entropy_embedding_dimension",
        ["$.approximateEntropy.phiM"] = "diagnostic term behind approximate_entropy",
        ["$.approximateEntropy.phiMPlusOne"] = "diagnostic term behind approximate_entropy",
        ["$.approximateEntropy.problems"] = "repeated in the report's problems",
        ["$.dfa.problems"] = "repeated in the report's problems",
        ["$.autonomic.intervalCount"] = "equals nn_count",
        ["$.autonomic.histogramBinWidthMs"] = "an option echoed for provenance",
        ["$.autonomic.problems"] = "repeated in the report's problems",
    };

    [Fact]
    public void EveryReportMember_IsInJsonAndChangesTheCsvRow_OrIsListedAsJsonOnly()
    {
        var report = FullReport();
        var json = report.ToJson();
        var root = JsonNode.Parse(json)!.AsObject();
        var row = report.ToCsvRow();

        var members = Members(typeof(HrvReport), report, root, "$").ToList();
        var jsonOnly = new List<string>();
        foreach (var member in members)
        {
            var mutated = JsonNode.Parse(json)!;
            member.Mutate(Locate(mutated, member.Path));
            var copy = HrvReport.FromJson(mutated.ToJsonString());
            if (copy.ToCsvRow() == row)
            {
                jsonOnly.Add(member.Path);
            }
        }

        // Sanity: the walk reached the nested results, and a metric column reacts.
        Assert.Contains(members, m => m.Path == "$.timeDomain.rmssdMs");
        Assert.Contains(members, m => m.Path == "$.dfa.alpha2");
        Assert.DoesNotContain("$.timeDomain.rmssdMs", jsonOnly);
        Assert.Equal(NotInCsv.Keys.Order(StringComparer.Ordinal), jsonOnly.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryReportMember_WithAValue_IsWrittenToJson_AndTheJsonRoundTrips()
    {
        var report = FullReport();
        var json = report.ToJson();
        var root = JsonNode.Parse(json)!.AsObject();

        // Members() asserts that every non-null member has its camelCase key; count them so a silent empty walk fails.
        var members = Members(typeof(HrvReport), report, root, "$").ToList();

        Assert.True(members.Count > 90, $"Only {members.Count} members were walked.");
        Assert.Equal(json, HrvReport.FromJson(json).ToJson());
    }

    [Fact]
    public void ToJson_FastPath_WritesTheSameTextAsTheMetadataPathFromJsonReads()
    {
        // ToJson writes with the generated Utf8JsonWriter writer; FromJson reads with the metadata context. Same options, so
        // the texts must be equal byte for byte: on a full report, a report of refused input, and one with problems only.
        HrvReport[] reports =
        [
            FullReport(),
            HrvAnalysis.Analyze([800, double.NaN, 5, -1, 1e308], cancellationToken: TestContext.Current.CancellationToken),
            HrvAnalysis.Analyze([], cancellationToken: TestContext.Current.CancellationToken),
        ];
        foreach (var report in reports)
        {
            var expected = System.Text.Json.JsonSerializer.Serialize(report, HrvJsonContext.Default.HrvReport);
            var actual = report.ToJson();
            Assert.True(expected == actual, "ToJson's generated writer differs from the serializer: re-run `dotnet run -c Release eng/report-json/generate.cs` (docs/hrv.md, \"Adding a metric\").");
        }
    }

    [Fact]
    public void ToJson_ANaNPlacedByHand_IsWrittenAsANamedLiteralNotAThrow()
    {
        // No calculator returns NaN (the property suites check); a caller can still build one with `with`. The fast path
        // refuses it; ToJson then writes it through the metadata context, which allows the named literal.
        var full = FullReport();
        var report = full with { TimeDomain = full.TimeDomain!.Value with { RmssdMs = double.NaN } };

        var json = report.ToJson();

        Assert.Contains("\"rmssdMs\": \"NaN\"", json, StringComparison.Ordinal);
    }

    /// <summary>A report in which every stage ran and every sub-result is present (entropies, DFA, the spectrum).</summary>
    private static HrvReport FullReport()
    {
        var random = new Random(3);
        var rr = new double[1000 + 152];
        var t = 0.0;
        for (var i = 1000; i < rr.Length; i++)
        {
            rr[i] = 500 + (600 * random.NextDouble()); // an irregular tail: the last 128-interval segment is an irregular-rhythm segment, and its flags make the first flaggedByKind entry non-zero, so its kind moves a flagged_<kind> column
        }

        for (var i = 0; i < 1000; i++)
        {
            rr[i] = 800 + (40 * Math.Sin(2 * Math.PI * 0.1 * t)) + (25 * Math.Sin(2 * Math.PI * 0.25 * t)) + (20 * (random.NextDouble() - 0.5));
            t += rr[i] / 1000;
        }

        var report = HrvAnalysis.Analyze(rr, cancellationToken: TestContext.Current.CancellationToken) with { RecordingId = "p01" };
        Assert.NotNull(report.Artifacts);
        Assert.NotNull(report.TimeDomain);
        Assert.NotNull(report.Poincare);
        Assert.NotNull(report.FrequencyDomain);
        Assert.NotNull(report.SampleEntropy);
        Assert.NotNull(report.ApproximateEntropy);
        Assert.NotNull(report.Dfa);
        return report;
    }

    private sealed record Member(string Path, Action<JsonNode> Mutate);

    /// <summary>
    /// Every public instance member of <paramref name="type"/>, recursively through the Hrv result types: scalars and lists
    /// are leaves, each with a mutation that changes its JSON value; a list of results is walked through its first element.
    /// </summary>
    private static IEnumerable<Member> Members(Type type, object value, JsonObject json, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsByRefLike)
            {
                continue;
            }

            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var memberPath = path + "." + name;
            var memberType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var memberValue = property.GetValue(value);
            if (memberValue is not null)
            {
                Assert.True(json.ContainsKey(name), $"{memberPath} has a value but is not written to JSON.");
            }

            if (IsScalar(memberType))
            {
                yield return new Member(memberPath, parent => ((JsonObject)parent)[name] = Changed(memberType, ((JsonObject)parent)[name]));
            }
            else if (memberType != typeof(string) && memberType.GetInterface("IEnumerable") is not null)
            {
                var element = memberType.GetInterfaces().Concat([memberType])
                    .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
                if (element.Namespace == "RelationalNeuro.Hrv" && !IsScalar(element))
                {
                    var first = ((IEnumerable)memberValue!).Cast<object>().First();
                    foreach (var inner in Members(element, first, json[name]![0]!.AsObject(), memberPath + "[]"))
                    {
                        yield return inner;
                    }
                }
                else
                {
                    yield return new Member(memberPath, parent => ((JsonObject)parent)[name]!.AsArray().Add(AnElement(element)));
                }
            }
            else
            {
                Assert.True(memberValue is not null, $"{memberPath} is null in the full report; the walk cannot reach its members.");
                foreach (var inner in Members(memberType, memberValue, json[name]!.AsObject(), memberPath))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool IsScalar(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    private static JsonNode? Changed(Type type, JsonNode? current)
    {
        if (type.IsEnum)
        {
            var now = current?.GetValue<string>();
            return JsonValue.Create(Enum.GetNames(type).First(n => n != now));
        }

        if (type == typeof(string))
        {
            return JsonValue.Create("changed");
        }

        if (type == typeof(bool))
        {
            return JsonValue.Create(!(current?.GetValue<bool>() ?? false));
        }

        if (type == typeof(double))
        {
            return JsonValue.Create(current is null ? 12.5 : (current.GetValue<double>() * 1.5) + 1);
        }

        return JsonValue.Create(current is null ? 7 : current.GetValue<long>() + 1);
    }

    private static JsonNode AnElement(Type element) =>
        element == typeof(Problem)
            ? JsonNode.Parse("""{"code":"test.added","message":"Added by the test.","severity":"Warning"}""")!
            : JsonValue.Create(7);

    /// <summary>The parent object of the member at <paramref name="path"/> (<c>[]</c> = the first element).</summary>
    private static JsonNode Locate(JsonNode root, string path)
    {
        var node = root;
        var segments = path.Split('.')[1..^1];
        foreach (var segment in segments)
        {
            node = segment.EndsWith("[]", StringComparison.Ordinal) ? node[segment[..^2]]![0]! : node[segment]!;
        }

        return node;
    }
}
