using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Live;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// Live co-regulation: two people's beats in, windowed lagged Pearson r over the trailing window out, updated per beat.
/// </summary>
/// <remarks>
/// <para>Each member's IBI samples (RR_k at the beat that ends it, on the member's own clock from 0, both sources started
/// together) are interpolated linearly onto the grid <c>j/fs</c>; a grid sample enters the window once both members have it.
/// At lag k ≥ 0 the window pairs A[u − k] with B[u] for the last <c>win</c> grid samples u (B follows A); at k &lt; 0 it pairs
/// A[u] with B[u − |k|]. The same r as <see cref="WindowedCrossCorrelation"/> with <see cref="WindowedCrossCorrelationOptions.PlainR"/>
/// on the trailing window, but the grid is anchored at 0 rather than at the later first sample.</para>
/// <para>Cost: per grid sample O(lags) (five running sums per lag, one pair added and one removed; every <c>win</c> samples
/// the sums are recomputed from the ring buffers to stop drift, O(win·lags) amortised to O(lags)); per beat O(lags) for the
/// snapshot. Nothing is allocated after construction. Not thread-safe: <see cref="RunAsync"/> serialises the two sources.</para>
/// </remarks>
public sealed class RollingSynchrony
{
    private readonly double _rate;
    private readonly int _win;
    private readonly int _lag;
    private readonly int _cap;
    private readonly double[] _ringA;
    private readonly double[] _ringB;
    private readonly double[] _sx;
    private readonly double[] _sy;
    private readonly double[] _sxx;
    private readonly double[] _syy;
    private readonly double[] _sxy;
    private readonly Pending _pendingA;
    private readonly Pending _pendingB;
    private MemberClock _clockA;
    private MemberClock _clockB;
    private long _paired;
    private long _dropped;
    private long _ignored;
    private double _refA;
    private double _refB;
    private int _pos;

    /// <summary>The largest window in grid samples (<see cref="RollingSynchronyOptions.WindowSeconds"/> × rate).</summary>
    private const int MaxWindowSamples = 1 << 20;

    /// <summary>The largest lag in grid samples: every grid sample updates 2·lag + 1 running sums.</summary>
    private const int MaxLagSamples = 8192;

    /// <summary>The largest <see cref="RollingSynchronyOptions.MaxPendingSamples"/>.</summary>
    private const int MaxPendingSamples = 1 << 20;

    /// <summary>A rolling engine with <see cref="RollingSynchronyOptions.Default"/>.</summary>
    public RollingSynchrony()
        : this(RollingSynchronyOptions.Default)
    {
    }

    /// <summary>A rolling engine.</summary>
    /// <param name="options">The geometry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the limits are on <see cref="RollingSynchronyOptions"/>' properties).</exception>
    public RollingSynchrony(RollingSynchronyOptions options)
    {
        Options = Guard.NotNull(options);
        _rate = SynchronyGuard.BeatGridRate(options.SampleRateHz);
        _win = SynchronyGuard.Samples(options.WindowSeconds, _rate, 3, maximum: MaxWindowSamples);
        _lag = SynchronyGuard.Samples(options.MaxLagSeconds, _rate, 0, maximum: MaxLagSamples);
        Guard.InRange(options.MaxPendingSamples, 1, MaxPendingSamples);
        _cap = _win + _lag + 1;
        _ringA = new double[2 * _cap];
        _ringB = new double[2 * _cap];
        var lags = (2 * _lag) + 1;
        _sx = new double[lags];
        _sy = new double[lags];
        _sxx = new double[lags];
        _syy = new double[lags];
        _sxy = new double[lags];
        _pendingA = new Pending(options.MaxPendingSamples);
        _pendingB = new Pending(options.MaxPendingSamples);
    }

    /// <summary>The geometry.</summary>
    public RollingSynchronyOptions Options { get; }

    /// <summary>The latest snapshot (computed on demand).</summary>
    public RollingSynchronySnapshot Current => Snapshot();

    /// <summary>
    /// Adds one beat of one member and returns the updated snapshot. An interval that is not finite or lies outside the
    /// calculable range [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms is ignored
    /// and counted in the snapshot's <c>sync.beats-ignored</c> warning (before, a huge one stalled the caller while the
    /// grid was filled up to it).
    /// </summary>
    /// <param name="member">Whose beat.</param>
    /// <param name="rrMs">The RR interval that ended with this beat, in ms.</param>
    /// <returns>The snapshot after the beat.</returns>
    public RollingSynchronySnapshot Add(DyadMember member, double rrMs)
    {
        if (!(rrMs >= RrSeries.MinimumIntervalMs && rrMs <= RrSeries.MaximumIntervalMs))
        {
            _ignored++;
        }
        else
        {
            var value = Options.Signal == DyadSignal.HeartRateBpm ? 60000.0 / rrMs : rrMs;
            if (member == DyadMember.A)
            {
                Advance(ref _clockA, _pendingA, rrMs, value);
            }
            else
            {
                Advance(ref _clockB, _pendingB, rrMs, value);
            }

            Pair();
        }

        return Snapshot();
    }

    /// <summary>
    /// Reads two sources together until both end or <paramref name="cancellationToken"/> fires, feeding every beat to
    /// <see cref="Add"/> (serialised) and telling <paramref name="onUpdate"/> each snapshot.
    /// </summary>
    /// <param name="sourceA">Member A's beats.</param>
    /// <param name="sourceB">Member B's beats.</param>
    /// <param name="onUpdate">Told each snapshot, on the thread of the source that delivered the beat, under the engine's lock; optional.</param>
    /// <param name="cancellationToken">Stops both reads.</param>
    /// <returns>A task that completes when both sources have ended.</returns>
    /// <exception cref="ArgumentNullException">A source is null.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public Task RunAsync(IRrSource sourceA, IRrSource sourceB, Action<RollingSynchronySnapshot>? onUpdate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceA);
        ArgumentNullException.ThrowIfNull(sourceB);
        var gate = new Lock();
        async Task Read(IRrSource source, DyadMember member)
        {
            await foreach (var beat in source.ReadBeatsAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (gate)
                {
                    var snapshot = Add(member, beat.RrMs);
                    onUpdate?.Invoke(snapshot);
                }
            }
        }

        return Task.WhenAll(Read(sourceA, DyadMember.A), Read(sourceB, DyadMember.B));
    }

    /// <summary>
    /// The current synchrony as a Fisher-z strength: the mean over lags of |z|, z = atanh(r) clipped to ±10 (rMEA's clip), for
    /// the r at every lag over the trailing window (the same r as <see cref="RollingSynchronySnapshot.MeanAbsR"/> averages).
    /// </summary>
    /// <returns>Mean |z| (dimensionless, ≥ 0); null until the window is full or when no lag could be computed (constant blocks).</returns>
    /// <remarks>
    /// <para>The statistic of <see cref="SurrogateSynchronyResult.SegmentZ"/> (the library's per-segment test), so a live value
    /// can be read against a chance band from <see cref="SurrogateSynchrony"/>'s surrogate pairs. SUSY's segment r is the
    /// biased ccf (the lag-ℓ sum over <c>n − |ℓ|</c> products divided by whole-segment variances), which shrinks a lagged r by
    /// about <c>(n − |ℓ|)/n</c>; averaged over lags ±L that is <c>1 − L(L + 1)/(n(2L + 1))</c>, 0.948 for 30 s and ±3 s at 4 Hz,
    /// so on the same samples this Pearson-based value is up to about 5 % higher.</para>
    /// <para>O(lags) with one <c>atanh</c> per lag, computed on demand rather than in every snapshot so that <see cref="Add"/>
    /// keeps its per-beat budget; allocates nothing.</para>
    /// </remarks>
    public double? MeanAbsZ()
    {
        if (_paired < _win + _lag)
        {
            return null;
        }

        double sum = 0;
        var n = 0;
        var invWin = 1.0 / _win;
        for (var li = 0; li < _sx.Length; li++)
        {
            var r = LagR(li, invWin);
            if (!double.IsNaN(r))
            {
                sum += Math.Min(Math.Atanh(Math.Abs(r)), 10);
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }

    /// <summary>Forgets every beat.</summary>
    public void Reset()
    {
        _clockA = default;
        _clockB = default;
        _pendingA.Clear();
        _pendingB.Clear();
        _paired = 0;
        _dropped = 0;
        _ignored = 0;
        _pos = 0;
        Array.Clear(_sx);
        Array.Clear(_sy);
        Array.Clear(_sxx);
        Array.Clear(_syy);
        Array.Clear(_sxy);
    }

    private void Advance(ref MemberClock clock, Pending pending, double rrMs, double value)
    {
        var t = clock.Time + (rrMs / 1000.0);
        clock.Beats++;
        if (clock.Beats == 1)
        {
            clock.Next = (long)Math.Ceiling((t * _rate) - 1e-9);
            clock.PreviousTime = t;
            clock.PreviousValue = value;
        }

        while (clock.Next / _rate <= t + 1e-12)
        {
            var tj = clock.Next / _rate;
            var h = t - clock.PreviousTime;
            var v = h > 0 ? clock.PreviousValue + ((value - clock.PreviousValue) * (tj - clock.PreviousTime) / h) : value;
            _dropped += pending.Push(clock.Next, v) ? 0 : 1;
            clock.Next++;
        }

        clock.Time = t;
        clock.PreviousTime = t;
        clock.PreviousValue = value;
    }

    private void Pair()
    {
        while (_pendingA.Count > 0 && _pendingB.Count > 0)
        {
            var ia = _pendingA.HeadIndex;
            var ib = _pendingB.HeadIndex;
            if (ia < ib)
            {
                _pendingA.Pop();
            }
            else if (ib < ia)
            {
                _pendingB.Pop();
            }
            else
            {
                Push(_pendingA.Pop(), _pendingB.Pop());
            }
        }
    }

    private void Push(double a, double b)
    {
        if (_paired == 0)
        {
            _refA = a;
            _refB = b;
            _pos = 0;
        }
        else
        {
            _pos = _pos == _cap - 1 ? 0 : _pos + 1;
        }

        // Each sample is stored twice (at pos and pos + cap), so the sample d steps back is at pos + cap − d for d < cap.
        _ringA[_pos] = _ringA[_pos + _cap] = a - _refA;
        _ringB[_pos] = _ringB[_pos + _cap] = b - _refB;
        var t = _paired;
        _paired++;
        if (_paired % _win == 0)
        {
            Recompute();
            return;
        }

        var newest = _pos + _cap;
        var warm = t >= _win + _lag;
        for (var li = 0; li < _sx.Length; li++)
        {
            var k = li - _lag;
            var shiftA = k > 0 ? k : 0;
            var shiftB = k < 0 ? -k : 0;
            if (warm || (t - shiftA >= 0 && t - shiftB >= 0))
            {
                Accumulate(li, _ringA[newest - shiftA], _ringB[newest - shiftB], 1);
            }

            if (warm || (t - _win - shiftA >= 0 && t - _win - shiftB >= 0))
            {
                Accumulate(li, _ringA[newest - _win - shiftA], _ringB[newest - _win - shiftB], -1);
            }
        }
    }

    private void Recompute()
    {
        var t = _paired - 1;
        var newest = _pos + _cap;
        for (var li = 0; li < _sx.Length; li++)
        {
            _sx[li] = _sy[li] = _sxx[li] = _syy[li] = _sxy[li] = 0;
            var k = li - _lag;
            var shiftA = k > 0 ? k : 0;
            var shiftB = k < 0 ? -k : 0;
            for (var d = 0; d < _win && t - d >= 0; d++)
            {
                if (t - d - shiftA >= 0 && t - d - shiftB >= 0)
                {
                    Accumulate(li, _ringA[newest - d - shiftA], _ringB[newest - d - shiftB], 1);
                }
            }
        }
    }

    private void Accumulate(int li, double x, double y, double sign)
    {
        _sx[li] += sign * x;
        _sy[li] += sign * y;
        _sxx[li] += sign * x * x;
        _syy[li] += sign * y * y;
        _sxy[li] += sign * x * y;
    }

    private RollingSynchronySnapshot Snapshot()
    {
        var ready = _paired >= _win + _lag;
        var problems = _dropped == 0 && _ignored == 0 ? ProblemList.Empty : Problems();
        if (!ready)
        {
            return new RollingSynchronySnapshot(_clockA.Beats, _clockB.Beats, _paired, false, null, null, null, null, problems);
        }

        double? zero = null, peak = null, peakLag = null;
        double sumAbs = 0;
        var n = 0;
        var invWin = 1.0 / _win;
        for (var li = 0; li < _sx.Length; li++)
        {
            var r = LagR(li, invWin);
            if (double.IsNaN(r))
            {
                continue;
            }

            sumAbs += Math.Abs(r);
            n++;
            if (li == _lag)
            {
                zero = r;
            }

            if (peak is null || r > peak)
            {
                peak = r;
                peakLag = (li - _lag) / _rate;
            }
        }

        return new RollingSynchronySnapshot(_clockA.Beats, _clockB.Beats, _paired, true, zero, peak, peakLag, n == 0 ? null : sumAbs / n, problems);
    }

    private ProblemList Problems()
    {
        var list = new List<Problem>(2);
        if (_ignored > 0)
        {
            list.Add(new Problem("sync.beats-ignored", string.Create(CultureInfo.InvariantCulture, $"{_ignored} beats were ignored: their interval was not a number of ms within {RrSeries.MinimumIntervalMs}–{RrSeries.MaximumIntervalMs}."), ProblemSeverity.Warning));
        }

        if (_dropped > 0)
        {
            list.Add(new Problem("sync.samples-dropped", string.Create(CultureInfo.InvariantCulture, $"{_dropped} grid samples were dropped because one member ran more than {Options.MaxPendingSamples} samples ahead of the other."), ProblemSeverity.Warning));
        }

        return ProblemList.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
    }

    /// <summary>Pearson r at lag column <paramref name="li"/> from the running sums; NaN where a block is constant.</summary>
    private double LagR(int li, double invWin)
    {
        var vx = _sxx[li] - (_sx[li] * _sx[li] * invWin);
        var vy = _syy[li] - (_sy[li] * _sy[li] * invWin);
        if (!(vx > 1e-9 * _sxx[li]) || !(vy > 1e-9 * _syy[li]))
        {
            return double.NaN;
        }

        return Math.Clamp((_sxy[li] - (_sx[li] * _sy[li] * invWin)) / Math.Sqrt(vx * vy), -1.0, 1.0);
    }

    private struct MemberClock
    {
        public long Beats;
        public double Time;
        public long Next;
        public double PreviousTime;
        public double PreviousValue;
    }

    private sealed class Pending(int capacity)
    {
        private readonly long[] _index = new long[capacity];
        private readonly double[] _value = new double[capacity];
        private int _head;

        public int Count { get; private set; }

        public long HeadIndex => _index[_head];

        public bool Push(long index, double value)
        {
            var dropped = false;
            if (Count == _index.Length)
            {
                Pop();
                dropped = true;
            }

            var slot = (_head + Count) % _index.Length;
            _index[slot] = index;
            _value[slot] = value;
            Count++;
            return !dropped;
        }

        public double Pop()
        {
            var v = _value[_head];
            _head = (_head + 1) % _index.Length;
            Count--;
            return v;
        }

        public void Clear()
        {
            _head = 0;
            Count = 0;
        }
    }
}
