using System.CommandLine;
using System.Globalization;
using RelationalNeuro.Change;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Tables;

namespace RelationalNeuro.Cli.Commands;

/// <summary><c>rn change rci</c>: the Jacobson–Truax reliable change index (and clinical significance) per person.</summary>
internal static class ChangeCommand
{
    public static Command Create(RnConsole console)
    {
        var input = new Argument<string>("scores") { Description = "A CSV with one row per person: id, pre and post scores (layout below)." };
        var output = new Option<string>("--output", "-o") { Description = "The table (.csv, .jsonl, .parquet), or - for CSV on stdout.", DefaultValueFactory = _ => "-" };
        var format = CommonOptions.Format();
        var overwrite = CommonOptions.Overwrite();
        var reliability = new Option<double>("--reliability") { Description = "The instrument's reliability r_xx, in [0, 1).", Required = true, HelpName = "r" };
        var sd = new Option<double?>("--sd") { Description = "SD of the reference (pre-treatment or norm) population in score units; default: the sample SD (n−1) of the pre column.", HelpName = "score units" };
        var direction = new Option<string>("--direction") { Description = "higher-is-better or lower-is-better.", DefaultValueFactory = _ => "higher-is-better", HelpName = "direction" };
        var cutoff = new Option<double?>("--cutoff") { Description = "A clinical cut-off in score units: adds the Jacobson–Truax category (recovered, improved, unchanged, deteriorated).", HelpName = "score" };
        var idColumn = new Option<string>("--id-column") { Description = "The column naming the person.", DefaultValueFactory = _ => "id", HelpName = "name" };
        var preColumn = new Option<string>("--pre-column") { Description = "The column of scores before.", DefaultValueFactory = _ => "pre", HelpName = "name" };
        var postColumn = new Option<string>("--post-column") { Description = "The column of scores after.", DefaultValueFactory = _ => "post", HelpName = "name" };
        var command = new Command("rci", """
            Reliable change (Jacobson & Truax 1991): SE = SD·√(1 − r), S_diff = √2·SE, RCI = (post − pre)/S_diff,
            reliable when |RCI| > 1.96; with --cutoff also the clinical-significance category. One row per person with
            the problems (file and line). Exit code 0 = every row scored, 1 = some rows had problems, 2 = usage error.

            CSV layout: a header line with the columns id, pre, post (names settable; more columns are ignored);
            invariant numbers; a blank score is a problem for that row.
              id,pre,post
              p01,28,14
              p02,25,23

            Examples:
              rn change rci scores.csv --reliability 0.88 --sd 7.5 --direction lower-is-better
              rn change rci scores.csv --reliability 0.85 --cutoff 20 --direction lower-is-better -o change.csv
            """)
        {
            input, output, format, overwrite, reliability, sd, direction, cutoff, idColumn, preColumn, postColumn,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(output) is { } target and not "-")
            {
                TableFiles.CheckNotAnInput(target, [parse.GetValue(input)!]);
            }

            var csv = CsvInput.Read(parse.GetValue(input)!);
            int id = csv.Column(parse.GetValue(idColumn)!, "--id-column"), pre = csv.Column(parse.GetValue(preColumn)!, "--pre-column"),
                post = csv.Column(parse.GetValue(postColumn)!, "--post-column");
            var r = parse.GetValue(reliability);
            var better = HrvBatchOptions.ParseKebab<ChangeDirection>("--direction", parse.GetValue(direction)!);
            var sdValue = parse.GetValue(sd) ?? SamplePreSd(csv, pre);
            try
            {
                _ = ReliableChange.StandardErrorOfDifference(r, sdValue);
            }
            catch (ArgumentException exception)
            {
                throw new UsageException($"--reliability {r.ToString(CultureInfo.InvariantCulture)} / --sd {sdValue.ToString(CultureInfo.InvariantCulture)}: {exception.Message}");
            }

            var cut = parse.GetValue(cutoff);
            var schema = Schema(cut is not null);
            var rows = new List<string[]>();
            var anyProblem = false;
            var ids = new RowIds("person");
            foreach (var row in csv.Rows)
            {
                var problems = new List<Problem>();
                if (ids.Check(row[id], row.Line) is { } idProblem)
                {
                    problems.Add(idProblem);
                }

                var x1 = Score(row, pre, "pre", problems);
                var x2 = Score(row, post, "post", problems);
                var cells = new List<string> { row[id], QuestionnaireCommand.Num(x1), QuestionnaireCommand.Num(x2) };
                ReliableChangeResult? computed = null;
                ClinicalSignificanceResult? classified = null;
                if (x1 is { } a && x2 is { } b)
                {
                    try
                    {
                        computed = ReliableChange.Compute(a, b, r, sdValue, better);
                        classified = cut is { } c ? ClinicalSignificance.Classify(a, b, r, sdValue, c, better) : null;
                    }
                    catch (ArgumentOutOfRangeException exception)
                    {
                        // Scores near ±1.8e308: the change (or RCI) has no finite value; the row says so instead of ending the run.
                        computed = null;
                        problems.Add(new Problem(
                            "cli.change-out-of-range",
                            $"No finite reliable change for pre {QuestionnaireCommand.Num(a)} and post {QuestionnaireCommand.Num(b)}: {exception.Message.Split('\n')[0]}",
                            ProblemSeverity.Error));
                    }
                }

                if (computed is { } rc)
                {
                    cells.AddRange([
                        QuestionnaireCommand.Num(rc.Change), QuestionnaireCommand.Num(rc.StandardErrorOfMeasurement), QuestionnaireCommand.Num(rc.StandardErrorOfDifference),
                        QuestionnaireCommand.Num(rc.Index), QuestionnaireCommand.Num(rc.CriticalValue), QuestionnaireCommand.Num(rc.MinimumReliableChange),
                        HrvBatchOptions.Kebab(rc.Outcome.ToString()),
                    ]);
                    if (cut is { } c && classified is { } cs)
                    {
                        cells.AddRange([QuestionnaireCommand.Num(c), cs.PreFunctional ? "true" : "false", cs.PostFunctional ? "true" : "false", HrvBatchOptions.Kebab(cs.Category.ToString())]);
                    }
                }
                else
                {
                    cells.AddRange(Enumerable.Repeat(string.Empty, cut is null ? 7 : 11));
                }

                anyProblem |= problems.Count > 0;
                cells.AddRange([QuestionnaireCommand.Num(problems.Count), ProblemText.Codes(problems), ProblemText.Describe(csv.Path, problems, default, 0, row.Line)]);
                rows.Add(cells.ToArray());
            }

            var metadata = CommonOptions.NewMetadata("change rci", schema, console.Time);
            metadata["rn.options.reliability"] = r.ToString("R", CultureInfo.InvariantCulture);
            metadata["rn.options.sd"] = sdValue.ToString("R", CultureInfo.InvariantCulture) + (parse.GetValue(sd) is null ? " (sample SD of the pre column)" : string.Empty);
            metadata["rn.options.direction"] = HrvBatchOptions.Kebab(better.ToString());
            metadata["rn.options.cutoff"] = cut?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
            await SmallTable.WriteAsync(console, parse.GetValue(output)!, parse.GetValue(format), parse.GetValue(overwrite), schema, metadata, rows).ConfigureAwait(false);
            return anyProblem ? ExitCodes.InputProblems : ExitCodes.Success;
        });

        return new Command("change", "Change over time.\n\nExample:\n  rn change rci scores.csv --reliability 0.88 --sd 7.5") { command };
    }

    internal static TableSchema Schema(bool withCutoff)
    {
        var columns = new List<TableColumn>
        {
            new("id", ColumnKind.Text), new("pre", ColumnKind.Real), new("post", ColumnKind.Real), new("change", ColumnKind.Real),
            new("sem", ColumnKind.Real), new("se_difference", ColumnKind.Real), new("rci", ColumnKind.Real), new("critical_value", ColumnKind.Real),
            new("minimum_reliable_change", ColumnKind.Real), new("outcome", ColumnKind.Text),
        };
        if (withCutoff)
        {
            columns.AddRange([new("cutoff", ColumnKind.Real), new("pre_functional", ColumnKind.Text), new("post_functional", ColumnKind.Text), new("category", ColumnKind.Text)]);
        }

        columns.AddRange([new("problem_count", ColumnKind.Integer), new("problem_codes", ColumnKind.Text), new("problems", ColumnKind.Text)]);
        return new TableSchema(columns, "id", null);
    }

    private static double? Score(CsvInputRow row, int column, string name, List<Problem> problems)
    {
        var text = row[column];
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        problems.Add(new Problem(
            text.Length == 0 ? "cli.missing-score" : "cli.unparsable-number",
            text.Length == 0 ? $"The {name} score is blank." : $"The {name} score '{text}' is not an invariant number.",
            ProblemSeverity.Error));
        return null;
    }

    private static double SamplePreSd(CsvInput csv, int pre)
    {
        var values = csv.Rows.Select(r => double.TryParse(r[pre], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN)
            .Where(double.IsFinite).ToArray();
        if (values.Length < 2)
        {
            throw new UsageException($"{csv.Path}: fewer than 2 numeric pre scores, so no sample SD; give --sd.");
        }

        var sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(values);
        if (!(double.IsFinite(sd) && sd > 0))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{csv.Path}: the sample SD of the {values.Length} numeric pre scores is {sd}, not a positive finite number; give --sd."));
        }

        return sd;
    }
}
