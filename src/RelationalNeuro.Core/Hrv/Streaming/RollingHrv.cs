using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// Streaming HRV: takes one RR interval at a time, screens it for artifacts and keeps RMSSD, SDNN, mean heart
/// rate and pNN50 over a sliding window (count- or time-based, see <see cref="RollingWindow"/>), in O(1) time
/// per beat (amortized for a time window, where one beat after a long gap may evict several, each beat being
/// evicted once) and without allocating after construction.
/// </summary>
/// <remarks>
/// <para><b>Definitions</b> (over the accepted beats in the window, Task Force 1996): SDNN is the sample standard
/// deviation with denominator N − 1; RMSSD is the root mean square of the successive differences; pNN50 counts
/// differences strictly greater than 50 ms over the number of differences (N − 1 in an unbroken window; the
/// denominator of pyHRV and the Task Force, not NeuroKit2's N); mean heart rate is 60 000 / mean RR (NeuroKit2's
/// <c>MeanHR</c> from mean NN, not the mean of instantaneous rates, which is higher by about 5 % over a day).
/// A successive difference is only formed between two beats that were adjacent in the stream: a rejected beat
/// breaks the chain, so the difference across the gap is never counted.</para>
/// <para><b>Screening</b>: see <see cref="RollingHrvOptions"/>. Rejected beats are reported in the returned
/// <see cref="RollingHrvUpdate"/> and not added to the window.</para>
/// <para><b>Numerical stability</b>: the window keeps ring buffers allocated once, and running sums of the
/// shifted intervals (RR − c), their squares and the squared differences, updated by adding the new beat and
/// subtracting the evicted one. Alongside, a second ("fresh") set of sums takes only the additions since a
/// checkpoint; once every beat in the window joined after the checkpoint, the fresh sums are exactly the
/// window's sums built without a single subtraction, so they replace the running ones and a new checkpoint is
/// taken, with c re-centred on the window's mean. Rounding error therefore never accumulates over more than
/// about two window turnovers, whatever the length of the stream, and every beat stays O(1) (no periodic
/// O(N) recomputation). The shift keeps the one-pass variance (Σ(x−c)² − (Σ(x−c))²/N) free of the cancellation
/// a raw sum would suffer (Chan, Golub &amp; LeVeque 1983). A constant series gives SDNN and RMSSD of exactly 0;
/// the tests compare every beat of a 24-h recording with a two-pass batch recomputation of the same window
/// (largest relative difference below 1e-12).</para>
/// <para><b>Thread safety</b>: an instance is not thread-safe. One producer calls <see cref="Add"/>;
/// <see cref="RollingHrvSnapshot"/> and <see cref="RollingHrvUpdate"/> are immutable values that may be handed
/// to any thread (e.g. a UI dispatcher). <see cref="BeatProcessed"/> is raised synchronously on the producer's
/// thread before <see cref="Add"/> returns.</para>
/// <para>Task Force of the European Society of Cardiology and the North American Society of Pacing and
/// Electrophysiology. Heart rate variability: standards of measurement, physiological interpretation and
/// clinical use. Circulation. 1996;93(5):1043–1065. Chan TF, Golub GH, LeVeque RJ. Algorithms for computing the sample
/// variance: analysis and recommendations. Am Stat. 1983;37(3):242–247.</para>
/// </remarks>
public sealed class RollingHrv
{
    private readonly double[] _rr;
    private readonly double[] _start;
    private readonly double[] _diff;
    private readonly double[] _reference;
    private readonly double[] _sortedReference;
    private readonly int _capacity;
    private readonly int _windowBeats;
    private readonly double _windowMs;
    private readonly bool _timeBased;
    private readonly double _minRr;
    private readonly double _maxRr;
    private readonly double _maxDeviation;
    private readonly bool _relativeTest;
    private readonly bool _fiveBeatReference;

    private int _referenceHead;
    private int _referenceCount;
    private long _offered;
    private double _now;
    private bool _previousAccepted;
    private WindowSums _window;

    /// <summary>Creates an analyzer with the default options (last 60 beats, 300–2000 ms, 20 % rule over 5 beats).</summary>
    public RollingHrv()
        : this(new RollingHrvOptions())
    {
    }

    /// <summary>Creates an analyzer; allocates its ring buffers once.</summary>
    /// <param name="options">Window and screening.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A range bound is outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms, <see cref="RollingHrvOptions.MaxRrMs"/> is below
    /// <see cref="RollingHrvOptions.MinRrMs"/>, <see cref="RollingHrvOptions.MaxDeviationFraction"/> is not positive,
    /// <see cref="RollingHrvOptions.ReferenceBeats"/> is outside 1–15, or a time window is shorter than
    /// <see cref="RollingHrvOptions.MaxRrMs"/> or would hold more than 10 million beats.
    /// </exception>
    /// <exception cref="ArgumentException">The window is <c>default(RollingWindow)</c>.</exception>
    public RollingHrv(RollingHrvOptions options)
    {
        Guard.NotNull(options);
        Options = options;
        _minRr = Guard.InRange(options.MinRrMs, RrSeries.MinimumIntervalMs, RrSeries.MaximumIntervalMs);
        _maxRr = Guard.InRange(options.MaxRrMs, options.MinRrMs, RrSeries.MaximumIntervalMs);
        if (options.MaxDeviationFraction is { } deviation)
        {
            _maxDeviation = Guard.Positive(deviation);
            _relativeTest = true;
        }

        Guard.InRange(options.ReferenceBeats, 1, 15);
        var window = options.Window;
        if (window.Duration is { } duration)
        {
            _timeBased = true;
            _windowMs = duration.TotalMilliseconds;
            const string windowName = "options.Window"; // guards name the argument, not this class's fields
            Guard.InRange(_windowMs, options.MaxRrMs, double.MaxValue, windowName);
            var capacity = Math.Floor(_windowMs / _minRr) + 1;
            Guard.InRange(capacity, 2, 10_000_000, windowName);
            _capacity = (int)capacity;
        }
        else if (window.Beats is { } beats)
        {
            _windowBeats = beats;
            _capacity = beats;
        }
        else
        {
            throw new ArgumentException("The window is default(RollingWindow); use RollingWindow.OfBeats or RollingWindow.OfDuration.", nameof(options));
        }

        _rr = new double[_capacity];
        _start = new double[_capacity];
        _diff = new double[_capacity];
        _reference = new double[options.ReferenceBeats];
        _fiveBeatReference = options.ReferenceBeats == 5;
        _sortedReference = new double[options.ReferenceBeats];
    }

    /// <summary>Raised after each beat offered to <see cref="Add"/>, accepted or not, with the same value <see cref="Add"/> returns.</summary>
    public event EventHandler<RollingHrvUpdate>? BeatProcessed;

    /// <summary>The options this analyzer was created with.</summary>
    public RollingHrvOptions Options { get; }

    /// <summary>The most beats the window can hold: the window's beat count, or ⌊duration / MinRrMs⌋ + 1 for a time window.</summary>
    public int Capacity => _capacity;

    /// <summary>The window's state after the last beat (an empty snapshot before the first).</summary>
    public RollingHrvSnapshot Current => _offered == 0 ? default : Snapshot();

    /// <summary>Beats offered since construction or the last <see cref="Reset"/>, accepted or not.</summary>
    public long BeatsOffered => _offered;

    /// <summary>
    /// Offers one beat: screens it, adds it to the window when accepted, moves the window on, and returns (and
    /// raises <see cref="BeatProcessed"/> with) the decision and the metrics after it.
    /// </summary>
    /// <param name="rrMs">The interval that ended with this beat, in ms. Any value is accepted as input: NaN,
    /// infinities, zero, negatives and values above <see cref="RrSeries.MaximumIntervalMs"/> are reported as
    /// <see cref="BeatScreening.Invalid"/>, never thrown.</param>
    /// <returns>The screening decision and the window's snapshot.</returns>
    public RollingHrvUpdate Add(double rrMs) => _timeBased ? AddToTimeWindow(rrMs) : AddToCountWindow(rrMs);

    // Each kind of window gets its own compiled copy of the per-beat code (and its own profile for tiered compilation),
    // so a process that runs both kinds does not pay for the other's branches and code layout.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private RollingHrvUpdate AddToCountWindow(double rrMs) => AddCore(rrMs, timeBased: false);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private RollingHrvUpdate AddToTimeWindow(double rrMs) => AddCore(rrMs, timeBased: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RollingHrvUpdate AddCore(double rrMs, bool timeBased)
    {
        var index = _offered++;
        BeatScreening screening;
        if (!(rrMs > 0 && rrMs <= RrSeries.MaximumIntervalMs))
        {
            // Also above the calculable range (> 60,000 ms, incl. +∞): such a value must not move the stream's clock.
            screening = BeatScreening.Invalid;
        }
        else
        {
            _now += rrMs;
            screening = Screen(rrMs);
            if (timeBased)
            {
                // A beat leaves once its interval starts before the window: its start time (stream clock minus its
                // interval, kept at push) is below now − duration.
                if (screening == BeatScreening.Accepted && _window.Count > 0)
                {
                    PushAndExpire(rrMs, _now - _windowMs); // the usual case, in one step
                }
                else
                {
                    PushOrExpire(rrMs, screening == BeatScreening.Accepted);
                }
            }
            else if (screening == BeatScreening.Accepted)
            {
                if (_window.Count == _capacity)
                {
                    Replace(rrMs); // evict the oldest, then push: the usual case of a full count window
                }
                else
                {
                    Fill(rrMs);
                }
            }
        }

        _previousAccepted = screening == BeatScreening.Accepted;
        var update = new RollingHrvUpdate(index, rrMs, screening, Snapshot(timeBased));
        BeatProcessed?.Invoke(this, update);
        return update;
    }

    /// <summary>Empties the window and the screening reference, and restarts the stream clock and beat index.</summary>
    public void Reset()
    {
        _referenceHead = 0;
        _referenceCount = 0;
        _offered = 0;
        _now = 0;
        _previousAccepted = false;
        _window = default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private BeatScreening Screen(double rr)
    {
        if (rr < _minRr)
        {
            return BeatScreening.BelowMinimum;
        }

        if (rr > _maxRr)
        {
            return BeatScreening.AboveMaximum;
        }

        var result = BeatScreening.Accepted;
        var n = _referenceCount;
        if (_relativeTest && n > 0)
        {
            var mid = n >> 1;
            var median = n == 5 && _fiveBeatReference
                ? MedianOfFive(_reference)
                : (n & 1) == 1 ? _sortedReference[mid] : 0.5 * (_sortedReference[mid - 1] + _sortedReference[mid]);
            if (Math.Abs(rr - median) > _maxDeviation * median)
            {
                result = BeatScreening.DeviatesFromReference;
            }
        }

        // Every in-range beat joins the reference, so the median follows a sustained change of rhythm.
        AddToReference(rr);
        return result;
    }

    /// <summary>
    /// Median of a full 5-beat reference without branches: a 9-comparator sorting network for 5 inputs (Knuth,
    /// TAOCP vol. 3, §5.3.4) leaves the median in the middle; data-dependent branches would mispredict per beat.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MedianOfFive(double[] r)
    {
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(r); // length 5, checked by the caller
        double a = r0, b = Unsafe.Add(ref r0, 1), c = Unsafe.Add(ref r0, 2), d = Unsafe.Add(ref r0, 3), e = Unsafe.Add(ref r0, 4);
        Sort2(ref a, ref b);
        Sort2(ref d, ref e);
        Sort2(ref c, ref e);
        Sort2(ref c, ref d);
        Sort2(ref b, ref e);
        Sort2(ref a, ref d);
        Sort2(ref a, ref c);
        Sort2(ref b, ref d);
        Sort2(ref b, ref c);
        return c;
    }

    /// <summary>1 when |<paramref name="diff"/>| is strictly greater than 50 ms, else 0, without a branch (the outcome is random beat to beat).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ExceedsFifty(double diff) => Unsafe.BitCast<bool, byte>(Math.Abs(diff) > 50);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sort2(ref double low, ref double high)
    {
        // MinNative/MaxNative: one MINSD/MAXSD each. Math.Min/Max's IEEE NaN and signed-zero handling costs three
        // instructions each and cannot matter here: only finite in-range intervals join the reference.
        var min = double.MinNative(low, high);
        high = double.MaxNative(low, high);
        low = min;
    }

    /// <summary>Replaces the oldest reference beat with <paramref name="rr"/>, keeping a sorted copy (O(ReferenceBeats)) while it is used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddToReference(double rr)
    {
        if (_referenceCount == 5 && _fiveBeatReference)
        {
            // Full 5-beat reference (the default, every beat after the fifth): MedianOfFive reads the ring directly;
            // the sorted copy is not needed.
            var head = _referenceHead;
            At(_reference, head) = rr;
            _referenceHead = head == 4 ? 0 : head + 1;
            return;
        }

        AddToReferenceSorted(rr);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddToReferenceSorted(double rr)
    {
        var sorted = _sortedReference;
        var n = _referenceCount;

        if (n == _reference.Length)
        {
            var old = _reference[_referenceHead];
            var i = 0;
            while (sorted[i] != old)
            {
                i++;
            }

            for (; i < n - 1; i++)
            {
                sorted[i] = sorted[i + 1];
            }

            n--;
        }

        _reference[_referenceHead] = rr;
        if (++_referenceHead == _reference.Length)
        {
            _referenceHead = 0;
        }

        var j = n - 1;
        while (j >= 0 && sorted[j] > rr)
        {
            sorted[j + 1] = sorted[j];
            j--;
        }

        sorted[j + 1] = rr;
        _referenceCount = n + 1;
    }

    // The rare cases (a count window filling up; a time window that is empty or offered a rejected beat) are kept out
    // of line, so that the JIT's inlining budget goes to the per-beat path and the window's sums stay in registers there.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fill(double rr) => Push(rr, timeBased: false);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PushOrExpire(double rr, bool accepted)
    {
        if (accepted)
        {
            Push(rr, timeBased: true);
        }

        Expire(_now - _windowMs);
    }

    /// <summary>Appends an accepted beat to the window (which may be empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(double rr, bool timeBased)
    {
        var w = _window;
        if (w.Count == 0)
        {
            w.StartAt(rr);
        }

        Append(ref w, rr, timeBased);
        _window = w;
    }

    /// <summary>Evicts the oldest beat, then appends <paramref name="rr"/>: the usual case of a full count window (capacity ≥ 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Replace(double rr)
    {
        var w = _window;
        w.EvictOldest(_rr, _diff, _capacity);
        Append(ref w, rr, timeBased: false);
        _window = w;
    }

    /// <summary><see cref="Push"/> then <see cref="Expire"/> on a non-empty time window, the sums read and written back once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PushAndExpire(double rr, double cutoff)
    {
        var w = _window;
        Append(ref w, rr, timeBased: true);
        ExpireBefore(ref w, cutoff);
        _window = w;
    }

    /// <summary>Evicts every beat whose interval starts before <paramref name="cutoff"/> (stream time, ms), oldest first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Expire(double cutoff)
    {
        var w = _window;
        ExpireBefore(ref w, cutoff);
        _window = w;
    }

    /// <summary>
    /// Writes <paramref name="rr"/> into the slot after the newest beat (the window is below capacity) with its start
    /// time and its difference to the previous beat (NaN when the chain is broken: the previous beat was rejected or
    /// the window is empty), and adds both to the sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ref WindowSums w, double rr, bool timeBased)
    {
        var capacity = _capacity;
        var rrRing = _rr;
        var slot = w.Head + w.Count;
        if (slot >= capacity)
        {
            slot -= capacity;
        }

        var diff = double.NaN;
        if (_previousAccepted && w.Count > 0)
        {
            diff = rr - At(rrRing, slot == 0 ? capacity - 1 : slot - 1);
        }

        At(rrRing, slot) = rr;
        if (timeBased)
        {
            At(_start, slot) = _now - rr;
        }

        At(_diff, slot) = diff;
        w.Add(rr, diff);
    }

    /// <summary>Evicts the oldest beats while their interval starts before <paramref name="cutoff"/>; an emptied window starts afresh.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ExpireBefore(ref WindowSums w, double cutoff)
    {
        var startRing = _start;
        if (w.Count == 0 || At(startRing, w.Head) >= cutoff)
        {
            return;
        }

        do
        {
            w.EvictOldest(_rr, _diff, _capacity);
        }
        while (w.Count > 0 && At(startRing, w.Head) < cutoff);

        if (w.Count == 0)
        {
            w.Clear();
        }
    }

    /// <summary>
    /// The window's position in the rings and its running sums, kept together so that the per-beat code copies them to
    /// a local (registers), updates them through the operations below, each written once, and writes them back once.
    /// </summary>
    /// <remarks>
    /// Sums are of the intervals shifted by <see cref="Shift"/>; the "fresh" sums take only the additions since
    /// <see cref="Checkpoint"/> (the accepted-beat count then), shifted by <see cref="FreshShift"/>. Once every beat in
    /// the window joined after the checkpoint (Accepted − Count ≥ Checkpoint), the fresh sums are the window's sums built
    /// without a subtraction and replace the running ones (<see cref="RenewIfDue"/>).
    /// </remarks>
    [StructLayout(LayoutKind.Auto)]
    private struct WindowSums
    {
        public int Head;
        public int Count;
        public int DiffCount;
        public int Nn50;
        public long Accepted;
        public long Checkpoint;
        public double Shift;
        public double Sum;
        public double SumSquares;
        public double DiffSquares;
        public double FreshShift;
        public double FreshSum;
        public double FreshSumSquares;
        public double FreshDiffSquares;

        /// <summary>Empties the sums (the ring position stays), checkpoint now: field by field, so the JIT keeps the struct in registers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Clear()
        {
            Count = 0;
            DiffCount = 0;
            Nn50 = 0;
            Checkpoint = Accepted;
            Sum = 0;
            SumSquares = 0;
            DiffSquares = 0;
            FreshSum = 0;
            FreshSumSquares = 0;
            FreshDiffSquares = 0;
        }

        /// <summary>Empties the sums for a first beat <paramref name="rr"/>, which becomes both shifts.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void StartAt(double rr)
        {
            Clear();
            Shift = rr;
            FreshShift = rr;
        }

        /// <summary>Adds a beat and its difference to the previous one (NaN: none) to the running and the fresh sums.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(double rr, double diff)
        {
            if (!double.IsNaN(diff))
            {
                var square = diff * diff;
                DiffSquares += square;
                FreshDiffSquares += square;
                DiffCount++;
                Nn50 += ExceedsFifty(diff);
            }

            var shifted = rr - Shift;
            Sum += shifted;
            SumSquares += shifted * shifted;
            var freshShifted = rr - FreshShift;
            FreshSum += freshShifted;
            FreshSumSquares += freshShifted * freshShifted;
            Count++;
            Accepted++;
            RenewIfDue();
        }

        /// <summary>
        /// Removes the oldest beat and the difference that leaves with it (the next beat's difference to it, which is then
        /// cleared in <paramref name="diffRing"/>). An emptied window is left for the caller to reset.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void EvictOldest(double[] rrRing, double[] diffRing, int capacity)
        {
            var evicted = At(rrRing, Head) - Shift;
            Sum -= evicted;
            SumSquares -= evicted * evicted;
            Head = Head + 1 == capacity ? 0 : Head + 1;
            Count--;
            if (Count == 0)
            {
                return;
            }

            ref var nextDiff = ref At(diffRing, Head);
            var leaving = nextDiff;
            if (!double.IsNaN(leaving))
            {
                var square = leaving * leaving;
                DiffSquares -= square;
                if (Accepted - Count >= Checkpoint)
                {
                    FreshDiffSquares -= square; // it joined after the checkpoint: it is in the fresh sums too
                }

                DiffCount--;
                Nn50 -= ExceedsFifty(leaving);
                nextDiff = double.NaN;
            }

            RenewIfDue();
        }

        /// <summary>
        /// Once every beat in the window joined after the checkpoint, the fresh sums (additions alone) replace the
        /// running ones, whose add-and-subtract rounding is thereby discarded, and a new fresh accumulation starts,
        /// centred on the window's mean, with the checkpoint moved to now.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void RenewIfDue()
        {
            if (Accepted - Count < Checkpoint)
            {
                return;
            }

            Shift = FreshShift;
            Sum = FreshSum;
            SumSquares = FreshSumSquares;
            DiffSquares = FreshDiffSquares;
            FreshShift = Shift + (Sum / Count);
            FreshSum = 0;
            FreshSumSquares = 0;
            FreshDiffSquares = 0;
            Checkpoint = Accepted;
        }
    }

    /// <summary>Element <paramref name="index"/> of a ring buffer without a bounds check: ring indices stay in [0, capacity) by construction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double At(double[] ring, int index) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ring), index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RollingHrvSnapshot Snapshot() => Snapshot(_timeBased);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RollingHrvSnapshot Snapshot(bool timeBased) => _window.Count == 0
        ? new RollingHrvSnapshot(0, 0, 0, 0, 0, 0, 0, timeBased ? _now : 0, timeBased ? _windowMs : _windowBeats)
        : new RollingHrvSnapshot(
            _window.Count,
            _window.DiffCount,
            _window.Nn50,
            _window.Shift,
            _window.Sum,
            _window.SumSquares,
            _window.DiffSquares,
            timeBased ? _now : _window.Count,
            timeBased ? _windowMs : _windowBeats);
}
