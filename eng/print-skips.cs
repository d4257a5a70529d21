// Prints every skipped test with its reason, from the TRX files `dotnet test --logger trx` wrote.
// Usage: dotnet run eng/print-skips.cs -- <folder with .trx files>
// A skip that prints no reason is a defect (../shared is absent, a peer has no value, ...): this makes them visible
// in the test command's output, where the console logger only counts them.
using System.Xml.Linq;

var folder = args.Length > 0 ? args[0] : "artifacts/test-results";
if (!Directory.Exists(folder))
{
    Console.WriteLine($"(no test results in {folder})");
    return 0;
}

var skipped = new List<(string Test, string Reason)>();
foreach (var file in Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    var doc = XDocument.Load(file);
    foreach (var result in doc.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
    {
        if ((string?)result.Attribute("outcome") != "NotExecuted")
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

return 0;
