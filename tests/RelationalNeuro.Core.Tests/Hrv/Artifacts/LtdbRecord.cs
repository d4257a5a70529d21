using System.Globalization;
using System.Text.Json;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// One whole LTDB record of ../shared/reference/artifacts, read in place: the RR series, the class of every interval
/// and its context, scored with the rules of that folder's README (positives = class <c>touches-ectopic</c>,
/// negatives = class <c>NN</c>, flags on <c>noise-or-gap</c> enter nothing).
/// </summary>
internal sealed class LtdbRecord
{
    public const string Folder = "reference/artifacts";

    private LtdbRecord(string id, double[] rr, string[] classes, char[] beats, JsonElement root)
    {
        Id = id;
        RrMs = rr;
        Classes = classes;
        Beats = beats;
        Root = root;
        Contexts = IntervalContexts(beats);
    }

    public string Id { get; }

    public double[] RrMs { get; }

    /// <summary>Class of each interval: <c>NN</c>, <c>touches-ectopic</c> or <c>noise-or-gap</c>.</summary>
    public string[] Classes { get; }

    /// <summary>Label of every beat (n + 1 beats for n intervals): 'N' normal, else the database symbol.</summary>
    public char[] Beats { get; }

    /// <summary>Context of each interval touching a non-normal beat (run &gt; alternating &gt; isolated); null otherwise.</summary>
    public string?[] Contexts { get; }

    public JsonElement Root { get; }

    public static LtdbRecord Load(string id)
    {
        var folder = SharedData.RequireDirectory(Folder);
        var rr = File.ReadAllLines(Path.Combine(folder, "data", $"ltdb_{id}.rr_ms.txt"))
            .Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var rows = File.ReadAllLines(Path.Combine(folder, "data", $"ltdb_{id}.labels.csv"));
        var header = rows[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        int start = Col("start_beat_label"), end = Col("end_beat_label"), cls = Col("class");
        var classes = new string[rr.Length];
        var beats = new char[rr.Length + 1];
        for (var i = 0; i < rr.Length; i++)
        {
            var f = rows[i + 1].Split(',');
            classes[i] = f[cls];
            beats[i] = f[start][0];
            beats[i + 1] = f[end][0];
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"ltdb_{id}.json")));
        return new LtdbRecord(id, rr, classes, beats, json.RootElement.Clone());
    }

    /// <summary>The README's scores of a set of flagged intervals, optionally leaving out excluded intervals.</summary>
    public RecordScore Score(IEnumerable<int> flaggedIndices, Func<int, bool>? excluded = null)
    {
        var flagged = new bool[RrMs.Length];
        foreach (var i in flaggedIndices)
        {
            flagged[i] = true;
        }

        int tp = 0, fn = 0, fp = 0, negatives = 0;
        var byContext = new Dictionary<string, (int Hit, int All)>();
        for (var i = 0; i < RrMs.Length; i++)
        {
            if (excluded?.Invoke(i) == true)
            {
                continue;
            }

            switch (Classes[i])
            {
                case "touches-ectopic":
                    if (flagged[i])
                    {
                        tp++;
                    }
                    else
                    {
                        fn++;
                    }

                    var c = Contexts[i]!;
                    var (hit, all) = byContext.GetValueOrDefault(c);
                    byContext[c] = (hit + (flagged[i] ? 1 : 0), all + 1);
                    break;
                case "NN":
                    negatives++;
                    fp += flagged[i] ? 1 : 0;
                    break;
            }
        }

        return new RecordScore(tp, fn, fp, negatives, byContext);
    }

    private static string?[] IntervalContexts(char[] beats)
    {
        var nb = beats.Length;
        bool Abnormal(int b) => b >= 0 && b < nb && beats[b] != 'N';
        var rank = new int[nb]; // 0 none, 1 isolated, 2 alternating, 3 run
        for (var b = 0; b < nb; b++)
        {
            if (!Abnormal(b))
            {
                continue;
            }

            rank[b] = Abnormal(b - 1) || Abnormal(b + 1) ? 3 : Abnormal(b - 2) || Abnormal(b + 2) ? 2 : 1;
        }

        var names = new string?[] { null, "isolated", "alternating", "run" };
        var contexts = new string?[nb - 1];
        for (var i = 0; i < nb - 1; i++)
        {
            contexts[i] = names[Math.Max(rank[i], rank[i + 1])];
        }

        return contexts;
    }

    internal sealed record RecordScore(int TruePositives, int FalseNegatives, int FalseFlags, int Negatives, IReadOnlyDictionary<string, (int Hit, int All)> ByContext)
    {
        public double SensitivityPct => 100.0 * TruePositives / (TruePositives + FalseNegatives);

        public double PpvPct => 100.0 * TruePositives / Math.Max(1, TruePositives + FalseFlags);

        public double FalseFlagPct => 100.0 * FalseFlags / Negatives;

        public double ContextPct(string context) =>
            ByContext.TryGetValue(context, out var c) && c.All > 0 ? 100.0 * c.Hit / c.All : double.NaN;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"Se {SensitivityPct:0.0} % / PPV {PpvPct:0.0} % / false flags {FalseFlagPct:0.00} % of NN ({FalseFlags}); isolated {ContextPct("isolated"):0.0} / alternating {ContextPct("alternating"):0.0} / run {ContextPct("run"):0.0} %");
    }
}
