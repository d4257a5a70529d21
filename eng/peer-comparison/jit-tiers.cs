// Where the JIT time of a process's first HrvAnalysis.Analyze goes (docs/performance.md, "Twentieth session"; issue 20 item 1b).
//   dotnet run -c Release eng/peer-comparison/jit-tiers.cs -- <rr file> [top]
// Listens to the runtime's own JIT events (MethodJittingStarted, MethodLoadVerbose) in process and prints, for the methods
// whose compilation started during the first call: how many were compiled at each optimisation tier and how long that took,
// then the [top] slowest (default 20). Tier numbers are the runtime's (MethodLoadVerbose's MethodFlags, bits 7-9):
// 2 optimised at once (AggressiveOptimization, or DOTNET_TC_QuickJitForLoops=0 for methods with loops), 3 tier 0,
// 5 on-stack replacement (a tier-0 method with a loop recompiled optimised while it runs). The listener's own work slows
// the call, so read shares, not absolute times; the timer without it is `stages.cs -- cold`.
#:project ../../src/RelationalNeuro.Core/RelationalNeuro.Core.csproj
#:property PublishAot=false
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: jit-tiers.cs <rr file> [top]");
    return 2;
}

var inv = CultureInfo.InvariantCulture;
var top = args.Length == 2 ? int.Parse(args[1], inv) : 20;
var read = RrReader.ReadFile(args[0], RrFormat.SingleColumn);
using var listener = new JitListener();
Thread.Sleep(200);
listener.From = DateTime.UtcNow;
var start = Stopwatch.GetTimestamp();
var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
_ = HrvAnalysis.Analyze(read.Series);
var first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
var jit = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
listener.To = DateTime.UtcNow;
Thread.Sleep(1500); // the listener's events arrive on another thread, shortly after
var methods = listener.Compiled.ToArray();
Console.WriteLine(string.Create(inv, $"first Analyze {first:0.0} ms (with the listener), JIT {jit:0.0} ms, {methods.Length} methods"));
Console.WriteLine("tier\tmethods\tms\tof them RelationalNeuro\tms");
foreach (var tier in methods.GroupBy(m => m.Tier).OrderBy(g => g.Key))
{
    var ours = tier.Where(m => m.Name.StartsWith("RelationalNeuro", StringComparison.Ordinal)).ToArray();
    Console.WriteLine(string.Create(inv, $"{tier.Key}\t{tier.Count()}\t{tier.Sum(m => m.Ms):0.0}\t{ours.Length}\t{ours.Sum(m => m.Ms):0.0}"));
}

Console.WriteLine("ms\ttier\tmethod");
foreach (var method in methods.OrderByDescending(m => m.Ms).Take(top))
{
    Console.WriteLine(string.Create(inv, $"{method.Ms:0.00}\t{method.Tier}\t{method.Name}"));
}

return 0;

internal sealed class JitListener : EventListener
{
    private readonly ConcurrentDictionary<(ulong Method, int Thread), DateTime> _started = new();

    public DateTime From { get; set; } = DateTime.MaxValue;

    public DateTime To { get; set; } = DateTime.MaxValue;

    public ConcurrentBag<(string Name, double Ms, uint Tier)> Compiled { get; } = [];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10); // JitKeyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        const int MethodLoadVerbose = 143, MethodJittingStarted = 145;
        if (eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var key = ((ulong)payload[0]!, eventData.OSThreadId.GetHashCode());
        if (eventData.EventId == MethodJittingStarted)
        {
            _started[key] = eventData.TimeStamp;
        }
        else if (eventData.EventId == MethodLoadVerbose && _started.TryRemove(key, out var started) && started >= From && started <= To)
        {
            var flags = Convert.ToUInt32(payload[names.IndexOf("MethodFlags")], CultureInfo.InvariantCulture);
            var name = $"{payload[names.IndexOf("MethodNamespace")]}::{payload[names.IndexOf("MethodName")]}";
            Compiled.Add((name, (eventData.TimeStamp - started).TotalMilliseconds, (flags >> 7) & 0x7));
        }
    }
}
