// RelationalNeuro's side of the peer comparison (docs/performance.md, "Side by side with NeuroKit2 and hrv-analysis").
//   dotnet run -c Release eng/peer-comparison/stages.cs -- stages <rr files> > ours.tsv
//       per stage on each file: the first call in this process (cold), then, after 30 more untimed calls (so the tiered
//       JIT has replaced the first code with optimised code), the median of 11 warm calls, wall and CPU
//   dotnet run -c Release eng/peer-comparison/stages.cs -- cold <rr file>
//       issue 20 item 1b: the first RrReader.ReadFile / HrvAnalysis.Analyze / ToJson of a fresh process against warm calls
//   dotnet run -c Release eng/peer-comparison/stages.cs -- floor [rr file]
//       the floor under a first ToJson: the first double a fresh process writes as UTF-8 text against warm calls —
//       with nothing run before it, or after reading and analysing the file (as ToJson always runs); publish with
//       -p:PublishReadyToRun=true to see it with precompiled framework code
// CPU is the process's (Environment.CpuUsage: getrusage, all threads); the machine is shared, so CPU is the figure to compare.
#:project ../../src/RelationalNeuro.Core/RelationalNeuro.Core.csproj
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

var inv = CultureInfo.InvariantCulture;
if (args is ["floor"] or ["floor", _])
{
    if (args.Length == 2)
    {
        _ = HrvAnalysis.Analyze(RrReader.ReadFile(args[1], RrFormat.SingleColumn).Series);
    }

    var utf8 = new byte[64];
    var value = 812.3456789;
    var (formatCold, _) = Time(() => value.TryFormat(utf8, out _, "R", inv));
    var formatWarm = Median(7, () => value.TryFormat(utf8, out _, "R", inv));
    Console.WriteLine("call\tcold_wall_ms\tcold_cpu_ms\twarm_wall_ms\twarm_cpu_ms\tcold_over_warm_cpu");
    Row(args.Length == 2 ? "double.TryFormat (UTF-8, \"R\"), first after Analyze" : "double.TryFormat (UTF-8, \"R\"), the process's first", formatCold, formatWarm);
    return 0;
}

if (args.Length < 2 || args[0] is not ("stages" or "cold"))
{
    Console.Error.WriteLine("usage: stages.cs stages|cold <rr files> | floor [rr file]");
    return 2;
}

if (args[0] == "cold")
{
    var path = args[1];
    var (readCold, read) = Time(() => RrReader.ReadFile(path, RrFormat.SingleColumn));
    var jitBefore = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
    var (analyzeCold, report) = Time(() => HrvAnalysis.Analyze(read.Series));
    var jit = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
    Console.Error.WriteLine(string.Create(inv, $"first Analyze: {(jit.Item1 - jitBefore.Item1).TotalMilliseconds:0.#} ms of JIT for {jit.Item2 - jitBefore.Item2} methods"));
    var (jsonCold, json) = Time(report.ToJson);
    Console.Error.WriteLine(string.Create(inv, $"first ToJson: {(System.Runtime.JitInfo.GetCompilationTime() - jit.Item1).TotalMilliseconds:0.#} ms of JIT for {System.Runtime.JitInfo.GetCompiledMethodCount() - jit.Item2} methods"));
    var readWarm = Median(7, () => RrReader.ReadFile(path, RrFormat.SingleColumn));
    var analyzeWarm = Median(7, () => HrvAnalysis.Analyze(read.Series));
    var jsonWarm = Median(7, report.ToJson);
    Console.WriteLine("call\tcold_wall_ms\tcold_cpu_ms\twarm_wall_ms\twarm_cpu_ms\tcold_over_warm_cpu");
    Row("RrReader.ReadFile", readCold, readWarm);
    Row("HrvAnalysis.Analyze", analyzeCold, analyzeWarm);
    Row("HrvReport.ToJson", jsonCold, jsonWarm);
    Console.Error.WriteLine($"{json.Length} characters of JSON; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
    return 0;
}

var malik = new ArtifactOptions { Method = ArtifactMethod.Malik };
Console.WriteLine("file\tbeats\tstage\tcold_wall_ms\tcold_cpu_ms\twarm_wall_ms\twarm_cpu_ms");
foreach (var path in args.Skip(1))
{
    var read = RrReader.ReadFile(path, RrFormat.SingleColumn);
    var nn = Artifacts.Process(read.Series.IntervalsMs).NnIntervalsMs.ToArray();
    var report = HrvAnalysis.Analyze(read.Series);
    (string, Func<object>)[] stages =
    [
        ("read (RrReader, single column)", () => RrReader.ReadFile(path, RrFormat.SingleColumn)),
        ("artifacts (default: L&T + range, corrected)", () => Artifacts.Process(read.Series.IntervalsMs)),
        ("artifacts (Malik, corrected)", () => Artifacts.Process(read.Series.IntervalsMs, malik)),
        ("time domain", () => HrvMetrics.TimeDomain(nn)),
        ("poincare", () => HrvMetrics.Poincare(nn)),
        ("welch (default: 4 Hz cubic, 256-s Hann)", () => HrvMetrics.FrequencyDomain(nn)),
        ("welch (HrvAnalysisWelch: 4 Hz linear, 64-s Hann)", () => HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.HrvAnalysisWelch)),
        ("sampen m=2 r=0.2SD", () => HrvMetrics.SampleEntropy(nn)),
        ("apen m=2 r=0.2SD", () => HrvMetrics.ApproximateEntropy(nn)),
        ("dfa a1 4-16 + a2 16-64", () => HrvMetrics.DetrendedFluctuation(nn)),
        ("autonomic", () => HrvMetrics.Autonomic(nn)),
        ("HrvAnalysis.Analyze (all stages)", () => HrvAnalysis.Analyze(read.Series)),
        ("HrvReport.ToJson", report.ToJson),
    ];
    foreach (var (name, call) in stages)
    {
        var (cold, _) = Time(call);
        for (var i = 0; i < 30; i++)
        {
            call();
        }

        var warm = Median(11, call);
        Console.WriteLine(string.Create(inv, $"{Path.GetFileName(path)}\t{read.Series.Count}\t{name}\t{cold.Wall:0.###}\t{cold.Cpu:0.###}\t{warm.Wall:0.###}\t{warm.Cpu:0.###}"));
    }
}

Console.Error.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
return 0;

void Row(string name, (double Wall, double Cpu) cold, (double Wall, double Cpu) warm) =>
    Console.WriteLine(string.Create(inv, $"{name}\t{cold.Wall:0.###}\t{cold.Cpu:0.###}\t{warm.Wall:0.###}\t{warm.Cpu:0.###}\t{cold.Cpu / warm.Cpu:0.##}"));

static ((double Wall, double Cpu) Elapsed, T Value) Time<T>(Func<T> call)
{
    var cpu = Environment.CpuUsage.TotalTime;
    var wall = Stopwatch.GetTimestamp();
    var value = call();
    var wallMs = Stopwatch.GetElapsedTime(wall).TotalMilliseconds;
    return ((wallMs, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds), value);
}

static (double Wall, double Cpu) Median<T>(int count, Func<T> call)
{
    var walls = new double[count];
    var cpus = new double[count];
    for (var i = 0; i < count; i++)
    {
        (var elapsed, _) = Time(call);
        walls[i] = elapsed.Wall;
        cpus[i] = elapsed.Cpu;
    }

    Array.Sort(walls);
    Array.Sort(cpus);
    return (walls[count / 2], cpus[count / 2]);
}
