using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// Streaming HRV per beat: 100,000 seeded beats (about a day) offered one at a time; figures are per beat
/// (OperationsPerInvoke). The baseline recomputes the window from scratch on every beat, as a naive gauge would.
/// </summary>
[MemoryDiagnoser]
public class RollingHrvBenchmarks
{
    private const int Beats = 100_000;
    private double[] _rr = [];
    private RollingHrv _count300 = null!;
    private RollingHrv _time5Min = null!;
    private double[] _window = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _rr = new double[Beats];
        for (var i = 0; i < Beats; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            _rr[i] = 800 + (150 * Math.Sin(2 * Math.PI * i / 40_000.0)) + (40 * Math.Sin(2 * Math.PI * i / 4.5)) + (25 * normal);
            if (random.Next(250) == 0)
            {
                _rr[i] *= 1.6; // an artifact now and then, as a strap delivers them
            }
        }

        _count300 = new RollingHrv(new RollingHrvOptions { Window = RollingWindow.OfBeats(300) });
        _time5Min = new RollingHrv(new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromMinutes(5)) });
        _window = new double[300];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Beats, Description = "naive: recompute 300-beat window per beat")]
    public double NaiveRecomputePerBeat()
    {
        var checksum = 0.0;
        var filled = 0;
        var head = 0;
        foreach (var rr in _rr)
        {
            _window[head] = rr;
            head = head == _window.Length - 1 ? 0 : head + 1;
            filled = Math.Min(filled + 1, _window.Length);
            var sum = 0.0;
            for (var i = 0; i < filled; i++)
            {
                sum += _window[i];
            }

            var mean = sum / filled;
            var squares = 0.0;
            var diffSquares = 0.0;
            for (var i = 0; i < filled; i++)
            {
                squares += (_window[i] - mean) * (_window[i] - mean);
                if (i > 0)
                {
                    var d = _window[i] - _window[i - 1];
                    diffSquares += d * d;
                }
            }

            checksum += squares + diffSquares;
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Beats, Description = "RollingHrv.Add, last 300 beats")]
    public double CountWindow300()
    {
        var checksum = 0.0;
        foreach (var rr in _rr)
        {
            checksum += _count300.Add(rr).Snapshot.BeatCount;
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Beats, Description = "RollingHrv.Add, last 5 min")]
    public double TimeWindow5Min()
    {
        var checksum = 0.0;
        foreach (var rr in _rr)
        {
            checksum += _time5Min.Add(rr).Snapshot.BeatCount;
        }

        return checksum;
    }
}

/// <summary>Decoding one Heart Rate Measurement notification (flags, UINT8 HR, two RR intervals).</summary>
[MemoryDiagnoser]
public class HeartRateMeasurementParserBenchmarks
{
    private readonly byte[] _value = [0x16, 0x4B, 0x00, 0x03, 0x00, 0x02];

    [Benchmark(Description = "HeartRateMeasurementParser.TryParse, 2 RR")]
    public int TryParse() =>
        HeartRateMeasurementParser.TryParse(_value, out var measurement, out _) ? measurement.RrIntervalsMs.Length : -1;
}
