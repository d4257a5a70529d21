// Prints every skipped test with its reason, then every failed test with its message and the top of its stack, from
// the TRX files `dotnet test --logger trx` wrote.
// Usage: dotnet run eng/print-skips.cs -- <folder with .trx files>
// A skip that prints no reason is a defect (../shared is absent, a peer has no value, ...): this makes them visible
// in the test command's output, where the console logger only counts them. Failures come last so that a CI log cut
// to its tail still names them (the console logger prints them in the middle of thousands of lines).
using System.Xml.Linq;

var folder = args.Length > 0 ? args[0] : "artifacts/test-results";
if (!Directory.Exists(folder))
{
    Console.WriteLine($"(no test results in {folder})");
    return 0;
}

var skipped = new List<(string Test, string Reason)>();
var failed = new List<(string Test, string Message, string Stack)>();
foreach (var file in Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    var doc = XDocument.Load(file);
    foreach (var result in doc.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
    {
        var outcome = (string?)result.Attribute("outcome");
        if (outcome == "Failed")
        {
            var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim() ?? "(no message)";
            var stack = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "StackTrace")?.Value.Trim() ?? "";
            failed.Add(((string?)result.Attribute("testName") ?? "?", message, stack));
            continue;
        }

        if (outcome != "NotExecuted")
        {
            continue;
        }

        var reason = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
        skipped.Add(((string?)result.Attribute("testName") ?? "?", string.IsNullOrEmpty(reason) ? "(no reason given)" : reason));
    }
}

Console.WriteLine($"Skipped tests: {skipped.Count}");
foreach (var group in skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()))
{
    Console.WriteLine($"  {group.Count(),4} × {group.Key.ReplaceLineEndings(" ")}");
    foreach (var (test, _) in group.Take(3))
    {
        Console.WriteLine($"         e.g. {test}");
    }
}

if (failed.Count > 0)
{
    Console.WriteLine($"Failed tests: {failed.Count}");
    foreach (var (test, message, stack) in failed)
    {
        Console.WriteLine($"  FAILED {test}");
        foreach (var line in message.ReplaceLineEndings("\n").Split('\n').Take(12))
        {
            Console.WriteLine($"      {line}");
        }

        foreach (var line in stack.ReplaceLineEndings("\n").Split('\n').Take(4))
        {
            Console.WriteLine($"      {line.Trim()}");
        }
    }
}

return 0;
