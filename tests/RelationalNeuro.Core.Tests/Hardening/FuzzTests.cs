using System.Diagnostics;
using System.Globalization;
using System.Text;
using RelationalNeuro.Emotions;
using RelationalNeuro.Hrv;
using RelationalNeuro.Interventions;
using RelationalNeuro.Io;
using RelationalNeuro.Questionnaires;
using RelationalNeuro.TestSupport;
using RelationalNeuro.Tests.Interventions;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Seeded, time-boxed mutation fuzzing of every text/JSON entry point (issue #13). Each target starts from valid
/// inputs (the reference RR files, the catalog instruments, the shipped taxonomies, responses and exports written by
/// the library) and checks, per mutated input: it returns within <see cref="CallLimit"/>, allocates at most
/// 64 MB + 100 bytes per input byte, ends in a result or a documented exception type, and the result holds no NaN/∞.
/// </summary>
/// <remarks>
/// Replay: <c>RELATIONALNEURO_FUZZ_SEED</c> (default 13) fixes the run; <c>RELATIONALNEURO_FUZZ_ITERATION</c> runs one
/// iteration only; <c>RELATIONALNEURO_FUZZ_SECONDS</c> is the budget of the whole suite (default 28 s, shared by
/// the targets). A failure prints target, seed and iteration and saves the input under the temp folder.
/// </remarks>
public sealed class FuzzTests
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(10);

    private static readonly string[] Targets = ["rr-single-column", "rr-csv", "rr-kubios", "instrument", "taxonomy", "fhir-response", "practice-import", "hrv-report", "dyad-report"];

    public static TheoryData<string> TargetNames() => [.. Targets];

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Fuzz_MutatedValidInputs_ReturnTypedFiniteOutcomesInBoundedTimeAndMemory(string target)
    {
        var seed = EnvInt("RELATIONALNEURO_FUZZ_SEED") ?? 13;
        var only = EnvInt("RELATIONALNEURO_FUZZ_ITERATION");
        var budget = TimeSpan.FromSeconds((EnvInt("RELATIONALNEURO_FUZZ_SECONDS") ?? 28) / (double)Targets.Length);
        var (seeds, json, run) = Target(target);
        Assert.NotEmpty(seeds);

        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var iterations = 0;
        for (var i = only ?? 0; only is null ? clock.Elapsed < budget : i == only; i++)
        {
            var random = new Random(unchecked((seed * 16777619) ^ (Array.IndexOf(Targets, target) << 24) ^ i));
            var input = i < seeds.Count ? seeds[i] : Mutator.Mutate(seeds[random.Next(seeds.Count)], seeds, random, json);
            iterations++;
            var failure = Check(input, run);
            if (failure is not null)
            {
                var file = Path.Combine(Path.GetTempPath(), "relationalneuro-fuzz", $"{target}-{seed}-{i}.bin");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, input);
                failures.Add($"{target}: {failure}. Replay: RELATIONALNEURO_FUZZ_SEED={seed} RELATIONALNEURO_FUZZ_ITERATION={i} (input saved to {file})");
                if (failures.Count >= 5)
                {
                    break;
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{target}: {iterations} inputs in {clock.Elapsed.TotalSeconds:F1} s, seed {seed}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(iterations >= Math.Min(seeds.Count, 1));
    }

    /// <summary>Runs one input on a worker thread; returns a description of what went wrong, or null.</summary>
    private static string? Check(byte[] input, Func<byte[], object?> run)
    {
        string? failure = null;
        var task = Within.Start(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            object? result;
            try
            {
                result = run(input);
            }
            catch (PracticeStoreException)
            {
                // The practice import's documented refusal (MalformedImport, InvalidData, ...).
                return;
            }
            catch (Exception ex)
            {
                var where = string.Join(" < ", (ex.StackTrace ?? string.Empty).Split('\n').Take(3).Select(l => l.Trim()));
                failure = $"threw {ex.GetType().Name}: {ex.Message} ({where})";
                return;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var limit = (64L << 20) + (100L * input.Length);
            if (allocated > limit)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"allocated {allocated:N0} bytes for {input.Length:N0} input bytes (limit {limit:N0})");
                return;
            }

            var nonFinite = ResultInspector.NonFinite(result);
            if (nonFinite.Count > 0)
            {
                failure = "non-finite result members: " + string.Join(", ", nonFinite);
            }
        });
        if (!task.Wait(CallLimit, TestContext.Current.CancellationToken))
        {
            return $"did not return within {CallLimit.TotalSeconds} s";
        }

        return failure;
    }

    private static (IReadOnlyList<byte[]> Seeds, bool Json, Func<byte[], object?> Run) Target(string target) => target switch
    {
        "rr-single-column" => (RrSeeds(values => string.Join('\n', values)), false, b => RrReader.Read(new MemoryStream(b), RrFormat.SingleColumn, null)),
        "rr-csv" => (RrSeeds(values => "index;RR (ms)\n" + string.Join('\n', values.Select((v, k) => $"{k};{v}"))).Concat(RrSeeds(values => "t,RR\n" + string.Join('\n', values.Select((v, k) => $"{k},{v}")))).ToList(), false, b => RrReader.Read(new MemoryStream(b), RrFormat.Csv, null)),
        "rr-kubios" => (RrSeeds(values => "Kubios HRV RR data\nTime (s)\tRR (s)\n" + string.Join('\n', Kubios(values))), false, b => RrReader.Read(new MemoryStream(b), RrFormat.KubiosText, null)),
        "instrument" => (SourceFiles("Questionnaires", "Catalog"), true, b => InstrumentLoader.Load(new MemoryStream(b))),
        "taxonomy" => (SourceFiles("Emotions", "Data"), true, b => FeelingTaxonomy.Load(new MemoryStream(b))),
        "fhir-response" => (FhirSeeds(), true, b => FhirMapper.FromQuestionnaireResponseJson(InstrumentCatalog.Get("who-5"), b)),
        "practice-import" => ([PracticeSeed()], true, ImportPractice),
        "hrv-report" => (HrvReportSeeds(), true, b => ParseOrRefuse(b, HrvReport.FromJson)),
        "dyad-report" => (DyadReportSeeds(), true, b => ParseOrRefuse(b, RelationalNeuro.Synchrony.DyadReport.FromJson)),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown fuzz target."),
    };

    /// <summary>A report read back from JSON, or null for the documented refusal (<see cref="System.Text.Json.JsonException"/>).</summary>
    private static object? ParseOrRefuse(byte[] bytes, Func<string, object> parse)
    {
        try
        {
            return parse(Encoding.UTF8.GetString(bytes));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON of one-call reports on the RR seeds (whole and windowed options differ in which members are set).</summary>
    private static List<byte[]> HrvReportSeeds() =>
        [.. RrSeeds(values => string.Join('\n', values)).Take(4).Select(bytes =>
        {
            var rr = RrReader.Read(new MemoryStream(bytes), RrFormat.SingleColumn, null).Series;
            return Encoding.UTF8.GetBytes(HrvAnalysis.Analyze(rr).ToJson());
        })];

    /// <summary>The JSON of a dyad report on two coupled built-in series (five minutes each).</summary>
    private static List<byte[]> DyadReportSeeds()
    {
        var a = Enumerable.Range(0, 380).Select(k => 800 + (40 * Math.Sin(k / 5.0))).ToArray();
        var b = Enumerable.Range(0, 380).Select(k => 780 + (35 * Math.Sin((k - 2) / 5.0)) + (5 * Math.Cos(k))).ToArray();
        return [Encoding.UTF8.GetBytes(RelationalNeuro.Synchrony.DyadAnalysis.Analyze(a, b).ToJson())];
    }

    private static object ImportPractice(byte[] bytes)
    {
        var record = PracticeJson.ReadClientRecord(new MemoryStream(bytes));
        new InMemoryPracticeStore().ImportClientAsync(record).GetAwaiter().GetResult();
        return record;
    }

    /// <summary>The first 300 values of each reference RR file (or a built-in series where ../shared is absent).</summary>
    private static List<byte[]> RrSeeds(Func<IReadOnlyList<string>, string> layout)
    {
        var series = new List<string[]>();
        if (SharedData.Directory is { } shared && Directory.Exists(Path.Combine(shared, "reference", "hrv", "data")))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(shared, "reference", "hrv", "data"), "*.rr_ms.txt").Order(StringComparer.Ordinal))
            {
                series.Add([.. File.ReadLines(file).Where(l => l.Trim().Length > 0).Take(300).Select(l => l.Trim())]);
            }
        }
        else
        {
            TestContext.Current.TestOutputHelper?.WriteLine("../shared is absent: RR fuzzing starts from a built-in series only.");
            series.Add([.. Enumerable.Range(0, 300).Select(k => (800 + (40 * Math.Sin(k / 5.0))).ToString("F1", CultureInfo.InvariantCulture))]);
        }

        return [.. series.Select(values => Encoding.UTF8.GetBytes(layout(values) + "\n"))];
    }

    private static IEnumerable<string> Kubios(IReadOnlyList<string> valuesMs)
    {
        var t = 0.0;
        foreach (var v in valuesMs)
        {
            var ms = double.Parse(v, CultureInfo.InvariantCulture);
            yield return string.Create(CultureInfo.InvariantCulture, $"{t:F3}\t{ms / 1000:F3}");
            t += ms / 1000;
        }
    }

    private static List<byte[]> SourceFiles(string area, string folder) =>
        [.. Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "src", "RelationalNeuro.Core", area, folder), "*.json")
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    private static List<byte[]> FhirSeeds()
    {
        var who5 = InstrumentCatalog.Get("who-5");
        var answers = who5.Items.Select((_, k) => (double?)(who5.Scale.Min + (k % (who5.Scale.Max - who5.Scale.Min + 1)))).ToArray();
        var scores = new InstrumentScorer(who5).Score(answers);
        return
        [
            Encoding.UTF8.GetBytes(FhirMapper.ToQuestionnaireResponseJson(who5, answers, scores, new FhirReference("Patient/1"), new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))),
            Encoding.UTF8.GetBytes(FhirMapper.ToQuestionnaireResponseJson(who5, answers)),
        ];
    }

    private static byte[] PracticeSeed()
    {
        var store = new InMemoryPracticeStore();
        var client = PracticeFixtures.NewClient();
        var plan = PracticeFixtures.NewPlan(client.Id);
        store.AddClientAsync(client).GetAwaiter().GetResult();
        store.AddPlanAsync(plan).GetAwaiter().GetResult();
        store.AddEntriesAsync(PracticeFixtures.EveryEntryType(client.Id, plan.Id)).GetAwaiter().GetResult();
        var record = store.ExportClientAsync(client.Id).GetAwaiter().GetResult();
        using var stream = new MemoryStream();
        PracticeJson.WriteClientRecord(record, stream);
        return stream.ToArray();
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
