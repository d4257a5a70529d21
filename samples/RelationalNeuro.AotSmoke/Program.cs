using RelationalNeuro;

// Exercises Core's public surface under Native AOT and prints what it computed; build.sh compares the output
// with values known independently of this program.
var problem = new Problem("smoke.ok", "Core runs under Native AOT", ProblemSeverity.Warning);
Console.WriteLine(problem);
return 0;
