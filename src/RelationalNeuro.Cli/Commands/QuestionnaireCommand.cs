using System.CommandLine;
using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Io;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Cli.Commands;

/// <summary><c>rn questionnaire score</c> and <c>rn questionnaire list</c>: the library's instrument catalog from the command line.</summary>
internal static class QuestionnaireCommand
{
    /// <summary>The largest FHIR QuestionnaireResponse file read (64 MiB; one is a few kilobytes): it is read whole.</summary>
    private const long MaxResponseBytes = 64L << 20;

    public static Command Create(RnConsole console)
    {
        var list = new Command("list", "List the instruments of the catalog (id, items, subscales, name).\n\nExample:\n  rn questionnaire list");
        list.SetAction(_ =>
        {
            foreach (var definition in InstrumentCatalog.All)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{definition.Id,-10} {definition.Items.Length,3} items  {string.Join(',', definition.Subscales.Select(s => s.Id)),-40} {definition.Name}"));
            }

            return ExitCodes.Success;
        });

        var inputs = new Argument<string[]>("responses")
        {
            Description = "CSV files of answers (one row per respondent), or FHIR QuestionnaireResponse .json files or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var instrument = new Option<string>("--instrument", "-i") { Description = "The instrument id (rn questionnaire list).", Required = true, HelpName = "id" };
        var idColumn = new Option<string>("--id-column") { Description = "The CSV column naming the respondent.", DefaultValueFactory = _ => "respondent_id", HelpName = "name" };
        var output = new Option<string>("--output", "-o") { Description = "The scores table (.csv, .jsonl, .parquet), or - for CSV on stdout.", DefaultValueFactory = _ => "-" };
        var format = CommonOptions.Format();
        var overwrite = CommonOptions.Overwrite();
        var fhirOut = new Option<string?>("--fhir-out") { Description = "Also write one FHIR R4 QuestionnaireResponse per respondent (answers and scores) into this folder.", HelpName = "folder" };
        var score = new Command("score", """
            Score questionnaire answers with a catalog instrument: one row per respondent with every subscale's score,
            mean, items answered, proration and interpretation band, and the problems (missing or out-of-range
            answers, with file and line). Exit code 0 = all respondents scored completely, 1 = some had problems,
            2 = usage error.

            CSV layout: a header line; the column --id-column (default respondent_id) names the respondent; every
            other column is an item, named by its link id or its number; answers are invariant numbers, blank =
            not answered. Comma, semicolon or tab separated.
              respondent_id,1,2,3,4
              p01,3,2,4,1
              p02,2,,3,1

            Examples:
              rn questionnaire score --instrument pss-10 answers.csv -o scores.csv
              rn questionnaire score -i who-5 responses/ -o scores.parquet     (a folder of FHIR QuestionnaireResponse .json)
              rn questionnaire score -i pss-10 answers.csv --fhir-out fhir/
            """)
        {
            inputs, instrument, idColumn, output, format, overwrite, fhirOut,
        };
        score.SetAction(async (parse, _) => await ScoreAsync(
            console, parse.GetValue(inputs)!, parse.GetValue(instrument)!, parse.GetValue(idColumn)!, parse.GetValue(output)!,
            parse.GetValue(format), parse.GetValue(overwrite), parse.GetValue(fhirOut)).ConfigureAwait(false));

        return new Command("questionnaire", "Questionnaire scoring with the library's instrument catalog.\n\nExample:\n  rn questionnaire score --instrument pss-10 answers.csv -o scores.csv")
        {
            score, list,
        };
    }

    private static async Task<int> ScoreAsync(RnConsole console, string[] arguments, string instrumentId, string idColumn, string output, string? format, bool overwrite, string? fhirOut)
    {
        if (!InstrumentCatalog.TryGetScorer(instrumentId, out var scorer))
        {
            throw new UsageException($"--instrument {instrumentId}: not in the catalog; one of {string.Join(", ", InstrumentCatalog.Ids)}.");
        }

        var definition = scorer.Definition;
        if (fhirOut is not null && !Directory.Exists(fhirOut))
        {
            throw new UsageException($"--fhir-out {fhirOut}: the folder does not exist.");
        }

        var schema = Schema(definition);
        var rows = new List<string[]>();
        var anyProblem = false;
        var fhir = fhirOut is null ? null : new FhirFiles(fhirOut);
        var files = InputFiles.Expand(arguments, ["*.csv", "*.json"]);
        if (output != "-")
        {
            TableFiles.CheckNotAnInput(output, files.Select(f => f.FullPath));
        }

        foreach (var file in files)
        {
            if (file.Id.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                byte[] json;
                try
                {
                    // Through RecordingFile: a named pipe or a device (a link to /dev/zero among the exports) is refused, not read forever.
                    await using var stream = RecordingFile.OpenRead(file.FullPath);
                    if (stream.Length > MaxResponseBytes)
                    {
                        throw new UsageException(FormattableString.Invariant($"{file.Id}: {stream.Length:N0} bytes, more than the {MaxResponseBytes:N0} a QuestionnaireResponse is read up to (one is a few kilobytes)."));
                    }

                    json = new byte[stream.Length];
                    await stream.ReadExactlyAsync(json).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"{file.Id}: {exception.Message}");
                }

                var import = FhirMapper.FromQuestionnaireResponseJson(definition, json);
                var respondent = Respondent(import) ?? Path.GetFileNameWithoutExtension(file.Id);
                var result = scorer.Score(import.Answers.AsSpan());
                var problems = (IReadOnlyList<Problem>)[.. import.Problems, .. result.Problems];
                anyProblem |= problems.Count > 0;
                rows.Add(Cells(definition, respondent, result, problems, file.Id, null));
                fhir?.Add(definition, respondent, respondent, import.Answers.AsSpan(), result);
                continue;
            }

            var csv = CsvInput.Read(file.FullPath);
            var id = csv.Column(idColumn, "--id-column");
            var ids = new RowIds("respondent");
            var itemIndex = new int[csv.Header.Count];
            for (var c = 0; c < csv.Header.Count; c++)
            {
                itemIndex[c] = c == id ? -1 : ItemIndex(definition, csv.Header[c]);
            }

            foreach (var row in csv.Rows)
            {
                var pairs = new List<KeyValuePair<string, string?>>();
                var answers = new double?[definition.Items.Length];
                for (var c = 0; c < csv.Header.Count; c++)
                {
                    if (c == id)
                    {
                        continue;
                    }

                    var cell = row[c];
                    pairs.Add(new(csv.Header[c], cell.Length == 0 ? null : cell));
                    if (itemIndex[c] >= 0 && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        answers[itemIndex[c]] = value;
                    }
                }

                var respondent = row[id];
                var result = scorer.Score(pairs);
                var problems = ids.Check(respondent, row.Line) is { } idProblem ? (IReadOnlyList<Problem>)[idProblem, .. result.Problems] : result.Problems;
                anyProblem |= problems.Count > 0;
                rows.Add(Cells(definition, respondent, result, problems, file.Id, row.Line));
                fhir?.Add(definition, respondent, respondent.Length == 0 ? FormattableString.Invariant($"line-{row.Line}") : respondent, answers, result);
            }
        }

        var metadata = CommonOptions.NewMetadata("questionnaire score", schema, console.Time);
        metadata["rn.options.instrument"] = definition.Id;
        metadata["rn.options.instrument_name"] = definition.Name;
        metadata["rn.options.id_column"] = idColumn;
        fhir?.CheckOverwrite(overwrite);
        await SmallTable.WriteAsync(console, output, format, overwrite, schema, metadata, rows).ConfigureAwait(false);
        fhir?.Write();
        return anyProblem ? ExitCodes.InputProblems : ExitCodes.Success;
    }

    /// <summary>
    /// The respondent of a QuestionnaireResponse: <c>subject.identifier.value</c> (where <c>--fhir-out</c> writes the id),
    /// else <c>subject.reference</c> as written (<c>Patient/123</c>), else the same two of <c>source</c>; null when the
    /// resource names none usable (the mapper reports an unusable one as <c>fhir.bad-reference</c>), and the file name is the id.
    /// </summary>
    private static string? Respondent(FhirResponseImport import) =>
        import.Subject?.IdentifierValue ?? import.Subject?.Reference ?? import.Source?.IdentifierValue ?? import.Source?.Reference;

    private static int ItemIndex(InstrumentDefinition definition, string column)
    {
        for (var i = 0; i < definition.Items.Length; i++)
        {
            var item = definition.Items[i];
            if (string.Equals(item.LinkId, column, StringComparison.Ordinal) || item.Number.ToString(CultureInfo.InvariantCulture) == column)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The <c>--fhir-out</c> files: one QuestionnaireResponse per respondent, named after the id in snake case (at most
    /// <see cref="MaxNameLength"/> characters) with "-2", "-3", … after a name this run already uses (two rows with one
    /// id, or ids that differ only in case or punctuation), so that no respondent's file replaces another's. Held until
    /// <see cref="Write"/>, which refuses, before anything is written, to replace a file already in the folder unless
    /// <c>--overwrite</c> is given (another wave written into the same folder would otherwise be lost).
    /// </summary>
    private sealed class FhirFiles(string folder)
    {
        private const int MaxNameLength = 100;
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase); // a file system may ignore case
        private readonly List<(string Path, string Json)> _files = [];

        /// <summary>
        /// Holds one file named after <paramref name="fileName"/>; a non-blank <paramref name="respondent"/> is written as the
        /// resource's <c>subject.identifier.value</c>, so that reading the file back gives the id, not the file name
        /// (<c>p01-2</c> for a repeated <c>p01</c>).
        /// </summary>
        public void Add(InstrumentDefinition definition, string respondent, string fileName, ReadOnlySpan<double?> answers, ScoreResult result)
        {
            var stem = SmallTable.Snake(fileName);
            stem = stem.Length > MaxNameLength ? stem[..MaxNameLength] : stem;
            var name = stem;
            for (var k = 2; !_used.Add(name); k++)
            {
                name = FormattableString.Invariant($"{stem}-{k}");
            }

            _files.Add((Path.Combine(folder, name + ".json"), FhirMapper.ToQuestionnaireResponseJson(definition, answers, result, Subject(respondent))));
        }

        /// <summary>
        /// The respondent as a FHIR R4 <c>Reference.identifier</c> (a participant known by id, not a Patient resource), its
        /// surrounding white space removed (a FHIR string has none); null for a blank id or one that is not valid Unicode.
        /// </summary>
        private static FhirReference? Subject(string respondent)
        {
            var id = respondent.Trim();
            try
            {
                return id.Length == 0 ? null : FhirReference.ToIdentifier(id);
            }
            catch (ArgumentException)
            {
                return null; // a lone surrogate: the file's name still identifies the respondent
            }
        }

        /// <summary>Throws a usage error naming the first file that exists (and the count) unless <paramref name="overwrite"/>.</summary>
        public void CheckOverwrite(bool overwrite)
        {
            if (overwrite)
            {
                return;
            }

            var existing = _files.Where(f => File.Exists(f.Path)).Select(f => f.Path).ToList();
            if (existing.Count > 0)
            {
                throw new UsageException(FormattableString.Invariant(
                    $"--fhir-out {folder}: {existing.Count} of the {_files.Count} files exist already ({Path.GetFileName(existing[0])} first); give --overwrite to replace them, or another folder. Nothing was written."));
            }
        }

        public void Write()
        {
            foreach (var (path, json) in _files)
            {
                using var stream = OutputStream.Create(path);
                stream.Write(System.Text.Encoding.UTF8.GetBytes(json));
            }
        }
    }

    /// <summary>respondent_id, instrument, items_answered, per subscale (score, mean, raw_sum, items_answered, prorated, band), complete, problems.</summary>
    internal static TableSchema Schema(InstrumentDefinition definition)
    {
        var columns = new List<TableColumn>
        {
            new("respondent_id", ColumnKind.Text),
            new("instrument", ColumnKind.Text),
            new("items_answered", ColumnKind.Integer),
        };
        foreach (var subscale in definition.Subscales)
        {
            var s = SmallTable.Snake(subscale.Id);
            columns.Add(new(s + "_score", ColumnKind.Real));
            columns.Add(new(s + "_mean", ColumnKind.Real));
            columns.Add(new(s + "_raw_sum", ColumnKind.Real));
            columns.Add(new(s + "_items_answered", ColumnKind.Integer));
            columns.Add(new(s + "_prorated", ColumnKind.Text));
            columns.Add(new(s + "_band", ColumnKind.Text));
        }

        columns.Add(new("complete", ColumnKind.Text));
        columns.Add(new("problem_count", ColumnKind.Integer));
        columns.Add(new("problem_codes", ColumnKind.Text));
        columns.Add(new("problems", ColumnKind.Text));
        return new TableSchema(columns, "respondent_id", null);
    }

    private static string[] Cells(InstrumentDefinition definition, string respondent, ScoreResult result, IReadOnlyList<Problem> problems, string file, int? line)
    {
        var cells = new List<string> { respondent, definition.Id, Num(result.ItemsAnswered) };
        foreach (var subscale in definition.Subscales)
        {
            var score = result.Subscales.FirstOrDefault(s => s.SubscaleId == subscale.Id);
            cells.Add(Num(score.Score));
            cells.Add(Num(score.Mean));
            cells.Add(Num(score.SubscaleId is null ? null : score.RawSum));
            cells.Add(Num(score.ItemsAnswered));
            cells.Add(score.SubscaleId is null ? string.Empty : score.Prorated ? "true" : "false");
            cells.Add(score.Band?.Label ?? string.Empty);
        }

        var complete = !ProblemText.AnyError(problems);
        cells.Add(complete ? "true" : "false");
        cells.Add(Num(problems.Count));
        cells.Add(ProblemText.Codes(problems));
        cells.Add(ProblemText.Describe(file, problems, default, 0, line));
        return cells.ToArray();
    }

    internal static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    internal static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
