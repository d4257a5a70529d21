using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// Scores responses to one instrument. Immutable and thread-safe: build one per instrument and share it.
/// </summary>
/// <remarks>
/// <para>Definition implemented, per subscale: valid answers are whole numbers on the instrument's scale; reverse-keyed
/// items are scored <c>min + max − x</c> with the instrument's declared min and max (not the observed range), except
/// in subscales scored on raw responses. A subscale with any invalid answer (out of range, not a whole number,
/// non-numeric, given twice) is not scored. A subscale with more missing items than its <see cref="MissingDataRule"/>
/// allows is not scored. Otherwise: sum = keyed sum, prorated to mean × item count when items are missing; mean =
/// mean of answered keyed values; custom = the named rule of <see cref="CustomScoringRules"/>. A score lying in no
/// band of a subscale that has bands gets a <c>score.no-band</c> warning.</para>
/// <para>Problem codes: <c>answer.out-of-range</c>, <c>answer.non-numeric</c>, <c>answer.unknown-item</c> (at most <see cref="MaxListedUnknownItems"/> listed, then one with the count),
/// <c>answer.duplicate</c>, <c>score.invalid-answers</c>, <c>score.too-many-missing</c>, <c>score.no-band</c>.
/// The span overload allocates only the result (two objects) when the response is valid.</para>
/// </remarks>
public sealed class InstrumentScorer
{
    private const byte Missing = 0;
    private const byte Valid = 1;
    private const byte Invalid = 2;

    private readonly CompiledSubscale[] _subscales;
    private readonly int _min;
    private readonly int _max;
    private readonly FrozenDictionary<string, int> _indexByKey;
    private readonly FrozenDictionary<int, int> _indexByNumber;

    /// <summary>Prepares a scorer for <paramref name="definition"/>.</summary>
    /// <param name="definition">A validated definition (from <see cref="InstrumentLoader"/> or the catalog).</param>
    /// <param name="options">Options, or null for <see cref="ScoringOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">A subscale names an item the definition lacks, or an unknown custom rule.</exception>
    public InstrumentScorer(InstrumentDefinition definition, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Options = options ?? ScoringOptions.Default;
        _min = definition.Scale.Min;
        _max = definition.Scale.Max;

        var byNumber = new Dictionary<int, int>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Items.Length; i++)
        {
            var item = definition.Items[i];
            byNumber[item.Number] = i;
            byKey[item.LinkId] = i;
            byKey[item.Number.ToString(CultureInfo.InvariantCulture)] = i;
        }

        _indexByNumber = byNumber.ToFrozenDictionary();
        _indexByKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);

        _subscales = new CompiledSubscale[definition.Subscales.Length];
        for (var s = 0; s < _subscales.Length; s++)
        {
            var sub = definition.Subscales[s];
            var indices = new int[sub.Items.Length];
            var reverse = new bool[sub.Items.Length];
            for (var k = 0; k < indices.Length; k++)
            {
                if (!byNumber.TryGetValue(sub.Items[k], out indices[k]))
                {
                    throw new ArgumentException($"Subscale '{sub.Id}' names item {sub.Items[k]}, which the definition lacks.", nameof(definition));
                }

                reverse[k] = !sub.RawResponses && definition.IsReverseKeyed(sub.Items[k]);
            }

            CustomScoringRules.Rule? rule = null;
            if (sub.Method == ScoringMethod.Custom)
            {
                rule = CustomScoringRules.Find(sub.CustomRule)
                    ?? throw new ArgumentException($"Subscale '{sub.Id}' uses unknown rule '{sub.CustomRule}'.", nameof(definition));
            }

            var missingRule = Options.MissingDataOverride ?? sub.MissingData;
            var allowed = rule is { RequiresAllItems: true } ? 0 : missingRule.AllowedMissing(indices.Length);
            _subscales[s] = new CompiledSubscale(sub, indices, reverse, allowed, rule);
        }
    }

    /// <summary>The instrument scored.</summary>
    public InstrumentDefinition Definition { get; }

    /// <summary>The options in force.</summary>
    public ScoringOptions Options { get; }

    /// <summary>Scores answers given in item order (index i answers <c>Definition.Items[i]</c>); null = not answered.</summary>
    /// <param name="answers">One entry per item; null for a missing answer.</param>
    /// <returns>The scores and every problem met.</returns>
    /// <exception cref="ArgumentException">The span's length differs from the number of items.</exception>
    public ScoreResult Score(ReadOnlySpan<double?> answers)
    {
        var n = Definition.Items.Length;
        if (answers.Length != n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected {n} answers (one per item of {Definition.Id}); got {answers.Length}."),
                nameof(answers));
        }

        double[]? rentedValues = null;
        byte[]? rentedStates = null;
        var values = n <= 256 ? stackalloc double[n] : (rentedValues = ArrayPool<double>.Shared.Rent(n)).AsSpan(0, n);
        var states = n <= 256 ? stackalloc byte[n] : (rentedStates = ArrayPool<byte>.Shared.Rent(n)).AsSpan(0, n);
        ProblemCollector? problems = null;
        for (var i = 0; i < n; i++)
        {
            if (answers[i] is not double x)
            {
                states[i] = Missing;
                continue;
            }

            states[i] = Check(x, i, ref problems) ? Valid : Invalid;
            values[i] = x;
        }

        var result = Combine(values, states, problems);
        if (rentedValues is not null)
        {
            ArrayPool<double>.Shared.Return(rentedValues);
            ArrayPool<byte>.Shared.Return(rentedStates!);
        }

        return result;
    }

    /// <summary>Scores answers keyed by item number.</summary>
    /// <param name="answers">Pairs of item number and answer (null = not answered). Unknown items and repeats are reported.</param>
    /// <returns>The scores and every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    public ScoreResult Score(IEnumerable<KeyValuePair<int, double?>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var n = Definition.Items.Length;
        var values = new double[n];
        var states = new byte[n];
        var seen = new bool[n];
        ProblemCollector? problems = null;
        var unknown = 0;
        foreach (var (number, answer) in answers)
        {
            if (!_indexByNumber.TryGetValue(number, out var i))
            {
                if (++unknown <= MaxListedUnknownItems)
                {
                    Add(ref problems, "answer.unknown-item", $"Item {Inv(number)} is not an item of {Definition.Id}; its answer was not used.", Inv(number));
                }

                continue;
            }

            if (!MarkSeen(seen, i, ref problems, states))
            {
                continue;
            }

            if (answer is double x)
            {
                states[i] = Check(x, i, ref problems) ? Valid : Invalid;
                values[i] = x;
            }
        }

        MoreUnknown(unknown, ref problems);
        return Combine(values, states, problems);
    }

    /// <summary>
    /// Scores answers as text, keyed by item link id or item number (as typed in a form or read from a file). Values
    /// are parsed with the invariant culture (<c>"3"</c>, <c>"3.0"</c>); <c>"3,0"</c> or <c>"often"</c> is reported as
    /// non-numeric, never guessed. Null or blank = not answered.
    /// </summary>
    /// <param name="answers">Pairs of item key and answer text.</param>
    /// <returns>The scores and every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    public ScoreResult Score(IEnumerable<KeyValuePair<string, string?>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var n = Definition.Items.Length;
        var values = new double[n];
        var states = new byte[n];
        var seen = new bool[n];
        ProblemCollector? problems = null;
        var unknown = 0;
        foreach (var (key, text) in answers)
        {
            if (key is null || !_indexByKey.TryGetValue(key.Trim(), out var i))
            {
                if (++unknown <= MaxListedUnknownItems)
                {
                    Add(ref problems, "answer.unknown-item", $"'{key}' is not an item of {Definition.Id}; its answer was not used.", key);
                }

                continue;
            }

            if (!MarkSeen(seen, i, ref problems, states))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            {
                states[i] = Invalid;
                Add(ref problems, "answer.non-numeric", $"Answer '{text}' to item {Inv(Definition.Items[i].Number)} is not a number (invariant culture).", Definition.Items[i].LinkId);
                continue;
            }

            states[i] = Check(x, i, ref problems) ? Valid : Invalid;
            values[i] = x;
        }

        MoreUnknown(unknown, ref problems);
        return Combine(values, states, problems);
    }

    /// <summary>
    /// How many <c>answer.unknown-item</c> problems one call lists; beyond them one more <c>answer.unknown-item</c> gives the
    /// count. Unknown keys are the one problem an input can repeat without bound (a file of 50,000 columns that are not
    /// items made every row's list 50,000 long); the subscale problems after them are always listed.
    /// </summary>
    public const int MaxListedUnknownItems = 20;

    private void MoreUnknown(int unknown, ref ProblemCollector? problems)
    {
        if (unknown > MaxListedUnknownItems)
        {
            Add(ref problems, "answer.unknown-item", $"{Inv(unknown - MaxListedUnknownItems)} more keys are not items of {Definition.Id} ({Inv(unknown)} in all; the first {Inv(MaxListedUnknownItems)} are listed); their answers were not used.", null);
        }
    }

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Add(ref ProblemCollector? problems, string code, string message, string? location, ProblemSeverity severity = ProblemSeverity.Error)
    {
        problems ??= new ProblemCollector();
        problems.Add(new Problem(code, message, severity, location));
    }

    private bool MarkSeen(bool[] seen, int i, ref ProblemCollector? problems, byte[] states)
    {
        if (!seen[i])
        {
            seen[i] = true;
            return true;
        }

        states[i] = Invalid;
        Add(ref problems, "answer.duplicate", $"Item {Inv(Definition.Items[i].Number)} was answered more than once; neither answer was used.", Definition.Items[i].LinkId);
        return false;
    }

    private bool Check(double x, int i, ref ProblemCollector? problems)
    {
        if (!double.IsFinite(x))
        {
            Add(ref problems, "answer.non-numeric", $"Answer to item {Inv(Definition.Items[i].Number)} is not a finite number ({x.ToString(CultureInfo.InvariantCulture)}).", Definition.Items[i].LinkId);
            return false;
        }

        if (x < _min || x > _max || x != Math.Floor(x))
        {
            Add(
                ref problems,
                "answer.out-of-range",
                string.Create(CultureInfo.InvariantCulture, $"Answer {x} to item {Definition.Items[i].Number} is not a whole number from {_min} to {_max}."),
                Definition.Items[i].LinkId);
            return false;
        }

        return true;
    }

    private ScoreResult Combine(ReadOnlySpan<double> values, ReadOnlySpan<byte> states, ProblemCollector? problems)
    {
        var answered = 0;
        foreach (var s in states)
        {
            answered += s == Valid ? 1 : 0;
        }

        var scores = new SubscaleScore[_subscales.Length];
        for (var s = 0; s < scores.Length; s++)
        {
            scores[s] = ScoreSubscale(_subscales[s], values, states, ref problems);
        }

        return new ScoreResult(
            Definition.Id,
            ImmutableCollectionsMarshal.AsImmutableArray(scores),
            answered,
            problems?.ToList() ?? ProblemList.Empty)
        {
            Definition = Definition,
        };
    }

    private SubscaleScore ScoreSubscale(CompiledSubscale c, ReadOnlySpan<double> values, ReadOnlySpan<byte> states, ref ProblemCollector? problems)
    {
        var count = c.Indices.Length;
        int answered = 0, invalid = 0;
        var sum = 0.0;
        var reflect = (double)_min + _max; // in double: two int scale ends near int.MaxValue would overflow an int sum
        for (var k = 0; k < count; k++)
        {
            var i = c.Indices[k];
            var state = states[i];
            if (state == Valid)
            {
                answered++;
                sum += c.Reverse[k] ? reflect - values[i] : values[i];
            }
            else if (state == Invalid)
            {
                invalid++;
            }
        }

        double? mean = answered > 0 ? sum / answered : null;
        double? rawSum = answered > 0 ? sum : null;
        var id = c.Definition.Id;
        if (invalid > 0)
        {
            Add(ref problems, "score.invalid-answers", string.Create(CultureInfo.InvariantCulture, $"Subscale '{id}' not scored: {invalid} invalid answer(s)."), id);
            return new SubscaleScore(id, null, rawSum, mean, answered, count, false, null);
        }

        var missing = count - answered;
        if (missing > c.AllowedMissing)
        {
            Add(
                ref problems,
                "score.too-many-missing",
                string.Create(CultureInfo.InvariantCulture, $"Subscale '{id}' not scored: {missing} of {count} items missing; the rule ({(c.Rule is { RequiresAllItems: true } ? "all items required by " + c.Rule.Name : (Options.MissingDataOverride ?? c.Definition.MissingData).ToString())}) allows {c.AllowedMissing}."),
                id);
            return new SubscaleScore(id, null, rawSum, mean, answered, count, false, null);
        }

        var proratedSum = missing == 0 ? sum : sum / answered * count;
        double score;
        switch (c.Definition.Method)
        {
            case ScoringMethod.Mean:
                score = sum / answered;
                break;
            case ScoringMethod.Custom:
                // On the stack up to 256 items (every published rule needs a handful); rented above, so a
                // definition with millions of items cannot overflow the stack.
                double[]? rentedKeyed = null;
                var keyed = count <= 256 ? stackalloc double[256] : (rentedKeyed = ArrayPool<double>.Shared.Rent(count)).AsSpan();
                try
                {
                    keyed = keyed[..count];
                    for (var k = 0; k < count; k++)
                    {
                        var i = c.Indices[k];
                        keyed[k] = states[i] != Valid ? 0 : c.Reverse[k] ? reflect - values[i] : values[i];
                    }

                    score = c.Rule!.Compute(keyed, proratedSum);
                }
                finally
                {
                    if (rentedKeyed is not null)
                    {
                        ArrayPool<double>.Shared.Return(rentedKeyed);
                    }
                }

                break;
            default:
                score = proratedSum;
                break;
        }

        InterpretationBand? band = null;
        if (!c.Definition.Bands.IsEmpty)
        {
            band = c.Definition.FindBand(score);
            if (band is null)
            {
                Add(
                    ref problems,
                    "score.no-band",
                    string.Create(CultureInfo.InvariantCulture, $"Score {score} of subscale '{id}' lies between the published bands; no band assigned."),
                    id,
                    ProblemSeverity.Warning);
            }
        }

        return new SubscaleScore(id, score, rawSum, mean, answered, count, missing > 0, band) { ProratedSum = proratedSum };
    }

    private sealed record CompiledSubscale(SubscaleDefinition Definition, int[] Indices, bool[] Reverse, int AllowedMissing, CustomScoringRules.Rule? Rule);
}
