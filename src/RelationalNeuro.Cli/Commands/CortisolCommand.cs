using System.CommandLine;
using System.Globalization;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Cli.Commands;

/// <summary><c>rn cortisol profile</c>: the cortisol awakening response, AUCg/AUCi and compliance per participant-day.</summary>
internal static class CortisolCommand
{
    public static Command Create(RnConsole console)
    {
        var input = new Argument<string>("samples") { Description = "A CSV of saliva samples, one row per sample (layout below)." };
        var output = new Option<string>("--output", "-o") { Description = "The profile table (.csv, .jsonl, .parquet), or - for CSV on stdout.", DefaultValueFactory = _ => "-" };
        var format = CommonOptions.Format();
        var overwrite = CommonOptions.Overwrite();
        var unit = new Option<string>("--unit") { Description = "Unit of the cortisol column: nanomoles-per-liter, micrograms-per-deciliter, nanograms-per-milliliter.", DefaultValueFactory = _ => "nanomoles-per-liter", HelpName = "unit" };
        var schedule = new Option<string>("--schedule") { Description = "Nominal sampling schedule in minutes after waking, comma-separated; each day needs one sample per entry.", DefaultValueFactory = _ => "0,15,30,45", HelpName = "minutes" };
        var window = new Option<double?>("--window-end") { Description = "End of the awakening window in minutes (samples after it are outside the CAR).", HelpName = "minutes" };
        var command = new Command("profile", """
            Cortisol awakening response per participant-day: S0, increase at 30 min, mean and maximum increase, peak,
            AUCg and AUCi (Pruessner 2003, trapezoid over the awakening window), and the compliance findings (delay
            of the first sample, adherence, drift from the schedule, out-of-range values), with the problems (file
            and line). Exit code 0 = every day clean, 1 = some days had problems, 2 = usage error.

            CSV layout: a header line with the columns participant_id, day, minutes_after_waking, cortisol (any order;
            more columns are ignored); one row per sample, S0 first within a day; blank cortisol = missing sample.
              participant_id,day,minutes_after_waking,cortisol
              p01,1,0,12.1
              p01,1,15,16.4
              p01,1,30,18.0
              p01,1,45,14.2

            Examples:
              rn cortisol profile samples.csv -o car.csv
              rn cortisol profile samples.csv --unit micrograms-per-deciliter --schedule 0,30,45,60 -o car.parquet
            """)
        {
            input, output, format, overwrite, unit, schedule, window,
        };
        command.SetAction(async (parse, _) =>
        {
            var scheduleText = parse.GetValue(schedule)!;
            var minutes = scheduleText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw new UsageException($"--schedule {scheduleText}: '{t}' is not a number of minutes."))
                .ToArray();
            if (minutes.Length == 0 || minutes.Zip(minutes.Skip(1)).Any(p => !(p.Second > p.First)))
            {
                throw new UsageException($"--schedule {scheduleText}: expected strictly increasing minutes, e.g. 0,15,30,45.");
            }

            var options = CarOptions.Default with { NominalScheduleMinutes = minutes };
            if (parse.GetValue(window) is { } end)
            {
                if (!double.IsFinite(end) || end < minutes[0])
                {
                    // NaN or an end before S0 leaves no sample in the window: every index is unavailable, for a reason the rows cannot name.
                    throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                        $"--window-end {end}: expected a finite number of minutes at or after the schedule's first sample ({minutes[0]}), e.g. 45."));
                }

                options = options with { WindowEndMinutes = end };
            }

            var cortisolUnit = HrvBatchOptions.ParseKebab<CortisolUnit>("--unit", parse.GetValue(unit)!);
            return await RunAsync(console, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(format), parse.GetValue(overwrite), cortisolUnit, scheduleText, options).ConfigureAwait(false);
        });

        return new Command("cortisol", "Salivary cortisol profiles.\n\nExample:\n  rn cortisol profile samples.csv -o car.csv") { command };
    }

    internal static TableSchema Schema() => new(
        [
            new("participant_id", ColumnKind.Text), new("day", ColumnKind.Text), new("samples", ColumnKind.Integer),
            new("s0_nmol_l", ColumnKind.Real), new("increase_at_30_nmol_l", ColumnKind.Real), new("max_increase_nmol_l", ColumnKind.Real),
            new("max_increase_percent", ColumnKind.Real), new("mean_increase_nmol_l", ColumnKind.Real), new("peak_nmol_l", ColumnKind.Real),
            new("peak_min", ColumnKind.Real), new("aucg_nmol_min_l", ColumnKind.Real), new("auci_nmol_min_l", ColumnKind.Real),
            new("samples_in_window", ColumnKind.Integer), new("first_sample_delay_min", ColumnKind.Real), new("delay_group", ColumnKind.Text),
            new("adherent", ColumnKind.Text), new("drift", ColumnKind.Text), new("out_of_range_values", ColumnKind.Text), new("compliant", ColumnKind.Text),
            new("problem_count", ColumnKind.Integer), new("problem_codes", ColumnKind.Text), new("problems", ColumnKind.Text),
        ],
        "participant_id",
        null);

    private static async Task<int> RunAsync(RnConsole console, string path, string output, string? format, bool overwrite, CortisolUnit unit, string scheduleText, CarOptions options)
    {
        if (output != "-")
        {
            TableFiles.CheckNotAnInput(output, [path]);
        }

        var csv = CsvInput.Read(path);
        int participant = csv.Column("participant_id", "the header"), day = csv.Column("day", "the header"),
            time = csv.Column("minutes_after_waking", "the header"), value = csv.Column("cortisol", "the header");
        var toNmol = CortisolConcentration.From(1, unit).NanomolesPerLiter;
        var rows = new List<string[]>();
        var anyProblem = false;
        foreach (var group in csv.Rows.GroupBy(r => (Participant: r[participant], Day: r[day])))
        {
            var samples = group.ToList();
            var readProblems = new List<Problem>();
            var times = new double[samples.Count];
            var values = new double[samples.Count];
            for (var i = 0; i < samples.Count; i++)
            {
                times[i] = Number(samples[i], time, "minutes_after_waking", readProblems, missingAllowed: false);
                values[i] = Number(samples[i], value, "cortisol", readProblems, missingAllowed: true) * toNmol;
            }

            var car = CortisolAwakeningResponse.Analyze(times, values, options);
            var problems = (IReadOnlyList<Problem>)[.. readProblems, .. car.Problems.Select(p => AtSampleLine(p, samples))];
            anyProblem |= problems.Count > 0;
            var c = car.Compliance;
            var firstLine = samples[0].Line;
            rows.Add(
            [
                group.Key.Participant, group.Key.Day, QuestionnaireCommand.Num(samples.Count),
                QuestionnaireCommand.Num(car.AwakeningNmolPerL), QuestionnaireCommand.Num(car.IncreaseAt30NmolPerL), QuestionnaireCommand.Num(car.MaxIncreaseNmolPerL),
                QuestionnaireCommand.Num(car.MaxIncreasePercent), QuestionnaireCommand.Num(car.MeanIncreaseNmolPerL), QuestionnaireCommand.Num(car.PeakNmolPerL),
                QuestionnaireCommand.Num(car.PeakMinutes), QuestionnaireCommand.Num(car.AucgNmolMinPerL), QuestionnaireCommand.Num(car.AuciNmolMinPerL),
                QuestionnaireCommand.Num(car.SamplesInWindow), QuestionnaireCommand.Num(c?.FirstSampleDelayMinutes),
                c?.DelayGroup is { } g ? HrvBatchOptions.Kebab(g.ToString()) : string.Empty,
                Bool(c?.IsAdherent), Bool(c?.HasDrift), Bool(c?.HasOutOfRangeValues), Bool(c?.IsCompliant),
                QuestionnaireCommand.Num(problems.Count), ProblemText.Codes(problems),
                ProblemText.Describe(csv.Path, problems, default, 0, firstLine),
            ]);
        }

        var metadata = CommonOptions.NewMetadata("cortisol profile", Schema(), console.Time);
        metadata["rn.options.unit"] = HrvBatchOptions.Kebab(unit.ToString());
        metadata["rn.options.schedule_min"] = scheduleText;
        metadata["rn.options.window_end_min"] = options.WindowEndMinutes?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
        await SmallTable.WriteAsync(console, output, format, overwrite, Schema(), metadata, rows).ConfigureAwait(false);
        return anyProblem ? ExitCodes.InputProblems : ExitCodes.Success;
    }

    private static double Number(CsvInputRow row, int column, string name, List<Problem> problems, bool missingAllowed)
    {
        var text = row[column];
        if (text.Length == 0 && missingAllowed)
        {
            return double.NaN;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        problems.Add(new Problem("cli.unparsable-number", $"{name} '{text}' is not an invariant number; read as missing.", ProblemSeverity.Error, FormattableString.Invariant($"line {row.Line}")));
        return double.NaN;
    }

    /// <summary>A problem located at sample S<i>k</i> is re-located at that sample's line (the message keeps "Sk:").</summary>
    private static Problem AtSampleLine(Problem problem, List<CsvInputRow> samples) =>
        problem.Location is ['S', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k < samples.Count
            ? problem with { Message = problem.Location + ": " + problem.Message, Location = FormattableString.Invariant($"line {samples[k].Line}") }
            : problem;

    private static string Bool(bool? value) => value is { } b ? (b ? "true" : "false") : string.Empty;
}
