using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.IO;

namespace QuoteExtract.Cli;

/// <summary>What the command line asks for.</summary>
internal enum CliCommand
{
    /// <summary>Quotes with their speakers, for a person to read.</summary>
    Text,

    /// <summary>The whole analysis of one file as JSON.</summary>
    Json,

    /// <summary>JSON Lines in, JSON Lines out.</summary>
    JsonLines,

    /// <summary>One file as a self-contained HTML page.</summary>
    Html,

    /// <summary>Raw text (or, with --pretokenized, CoNLL-U) tagged and parsed, as CoNLL-U.</summary>
    Conllu,

    /// <summary>Score against a seed-style gold file (score_quotes.py).</summary>
    EvalQuotes,

    /// <summary>Score against PolNeAR-style gold (score_polnear.py).</summary>
    EvalPolnear,

    /// <summary>The HTTP service (serve).</summary>
    Serve,

    /// <summary>Print the help.</summary>
    Help,

    /// <summary>A System.CommandLine directive such as [suggest] (tab completion): it writes its own output.</summary>
    Directive,

    /// <summary>Print the version.</summary>
    Version,
}

/// <summary>The parsed command line: System.CommandLine's tokens (<see cref="CliCommandLine"/>), converted and checked against each other.</summary>
internal sealed record CliOptions
{
    public CliCommand Command { get; init; }

    /// <summary>The positional arguments after the command (files; "-" is standard input).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public double? MinimumConfidence { get; init; }

    public bool NoIndirect { get; init; }

    public bool NoEntities { get; init; }

    /// <summary>Documents analysed at once; null for the number of cores.</summary>
    public int? Threads { get; init; }

    /// <summary>eval polnear: analyse the text with “ ” swapped for ‘ ’.</summary>
    public bool UkMarks { get; init; }

    /// <summary>eval: score this prediction file instead of running the extractor.</summary>
    public string? Predictions { get; init; }

    /// <summary>--html: write the page to this file instead of standard output.</summary>
    public string? Output { get; init; }

    /// <summary>--model: the entity model file to use instead of the embedded one.</summary>
    public string? ModelPath { get; init; }

    /// <summary>--syntax-model: the syntax model file to use instead of the embedded one.</summary>
    public string? SyntaxModelPath { get; init; }

    /// <summary>--conllu --pretokenized: the input is CoNLL-U whose words are tagged and parsed as they are.</summary>
    public bool Pretokenized { get; init; }

    /// <summary>--help: the help of the command it was given with.</summary>
    public string Help { get; init; } = "";

    /// <summary>The parse of a directive ([suggest]), which writes its own output.</summary>
    public ParseResult? Directive { get; init; }

    /// <summary>serve --urls: where the service listens.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>serve --max-request-bytes: the largest request body accepted.</summary>
    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>serve --concurrency: requests analysed at once; null for the number of cores.</summary>
    public int? Concurrency { get; init; }

    /// <summary>serve --queue: requests that wait for a free slot before more are refused.</summary>
    public int QueueLength { get; init; } = DefaultQueueLength;

    private const string EvalNeedsAKind = "eval needs a kind: 'eval quotes GOLD.json ARTICLE.txt' or 'eval polnear GOLD.jsonl'";

    /// <summary>The default of --urls: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The default of --max-request-bytes: 64 MB.</summary>
    public const long DefaultMaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>The default of --queue.</summary>
    public const int DefaultQueueLength = 16;

    public int DegreeOfParallelism => Threads ?? Environment.ProcessorCount;

    /// <summary>serve: the requests analysed at once.</summary>
    public int ConcurrencyLimit => Concurrency ?? Environment.ProcessorCount;

    /// <summary>The shared default pipeline when no extraction option is given, else one built for the options.</summary>
    /// <exception cref="CliInputException">The --model file cannot be read or is not an entity model, or the --syntax-model file is not a syntax model.</exception>
    public ExtractorPipeline CreatePipeline()
    {
        if (MinimumConfidence is null && !NoIndirect && !NoEntities && ModelPath is null && SyntaxModelPath is null)
        {
            return ExtractorPipeline.Default;
        }

        var defaults = new ExtractorOptions();
        return ExtractorPipeline.Create(new ExtractorOptions
        {
            MinimumConfidence = MinimumConfidence ?? defaults.MinimumConfidence,
            IncludeIndirect = !NoIndirect,
            RecognizeEntities = !NoEntities,
            EntityModel = LoadModel(),
            SyntaxModel = LoadSyntaxModel(),
        });
    }

    /// <summary>
    /// --conllu on raw text: every sentence tagged and parsed with the --syntax-model file's model (or the embedded
    /// one); no entity tagging and no reported speech, which the CoNLL-U output does not show.
    /// </summary>
    /// <exception cref="CliInputException">The --syntax-model file cannot be read or is not a syntax model.</exception>
    public ExtractorPipeline CreateConlluPipeline() => ExtractorPipeline.Create(new ExtractorOptions
    {
        Syntax = SyntaxScope.All,
        RecognizeEntities = false,
        IncludeIndirect = false,
        SyntaxModel = LoadSyntaxModel(),
    });

    /// <summary>The --syntax-model file's model, or the embedded one without --syntax-model.</summary>
    /// <exception cref="CliInputException">The --syntax-model file cannot be read or is not a syntax model.</exception>
    public SyntaxModel GetSyntaxModel() => LoadSyntaxModel() ?? SyntaxModel.Default;

    /// <summary>The --syntax-model file's model, loaded once for the run; null without --syntax-model.</summary>
    private SyntaxModel? LoadSyntaxModel()
    {
        if (SyntaxModelPath is null)
        {
            return null;
        }

        try
        {
            return SyntaxModel.Load(SyntaxModelPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidModelException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--syntax-model: {ex.Message}", ex);
        }
    }

    /// <summary>The --model file's model, loaded once for the run; null without --model.</summary>
    private EntityModel? LoadModel()
    {
        if (ModelPath is null)
        {
            return null;
        }

        try
        {
            return EntityModel.Load(ModelPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidModelException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--model: {ex.Message}", ex);
        }
    }

    /// <summary>Parses <paramref name="args"/>; on failure returns null and a message for standard error.</summary>
    public static CliOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count > 0 && args[0] == "eval" && (args.Count < 2 || !(args[1] is "quotes" or "polnear" || args[1].StartsWith('-'))))
        {
            error = EvalNeedsAKind;
            return null;
        }

        var line = new CliCommandLine();
        ParseResult parsed = line.Parse(args);
        if (line.Request(parsed) is CliCommand request)
        {
            return new CliOptions { Command = request, Help = request == CliCommand.Help ? CliCommandLine.HelpFor(args) : "" };
        }

        if (parsed.CommandResult.Command == line.Eval)
        {
            error = EvalNeedsAKind;
            return null;
        }

        if (parsed.Errors.Count > 0)
        {
            ParseError first = parsed.Errors[0];
            error = first.SymbolResult is OptionResult { Tokens.Count: 0 } missing ? $"option '{CliCommandLine.NameUsed(missing)}' needs a value" : first.Message;
            return null;
        }

        if (parsed.Action != line.ToolAction)
        {
            return new CliOptions { Command = CliCommand.Directive, Directive = parsed }; // [suggest]: completions
        }

        Command command = parsed.CommandResult.Command;

        bool serve = command == line.Serve, serveOption = false;
        string? evalKind = command == line.EvalQuotes ? "quotes" : command == line.EvalPolnear ? "polnear" : null;
        bool Given(string name) => parsed.GetValue(line.Flags.Single(f => f.Name == name));
        bool json = Given("--json"), jsonLines = Given("--jsonl"), html = Given("--html"), conllu = Given("--conllu");
        var options = new CliOptions
        {
            Pretokenized = Given("--pretokenized"),
            NoIndirect = Given("--no-indirect"),
            NoEntities = Given("--no-entities"),
            UkMarks = Given("--uk"),
        };
        foreach (Option<string> option in line.Values)
        {
            if (parsed.GetResult(option) is not OptionResult result || parsed.GetValue(option) is not string value)
            {
                continue;
            }

            string name = CliCommandLine.NameUsed(result);
            switch (option.Name)
            {
                case "--min-confidence":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double confidence) || !(confidence is >= 0 and <= 1))
                    {
                        error = $"--min-confidence must be a number from 0 to 1, not '{value}'";
                        return null;
                    }

                    options = options with { MinimumConfidence = confidence };
                    break;
                case "--output":
                    options = options with { Output = value };
                    break;
                case "--model":
                    options = options with { ModelPath = value };
                    break;
                case "--syntax-model":
                    options = options with { SyntaxModelPath = value };
                    break;
                case "--pred":
                    options = options with { Predictions = value };
                    break;
                case "--urls":
                    serveOption = true;
                    options = options with { Urls = value };
                    break;
                case "--max-request-bytes":
                    serveOption = true;
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes) || bytes < 1)
                    {
                        error = $"--max-request-bytes must be a whole number of at least 1, not '{value}'";
                        return null;
                    }

                    options = options with { MaxRequestBytes = bytes };
                    break;
                default: // --threads (-j), --concurrency, --queue
                    serveOption |= option.Name is "--concurrency" or "--queue";
                    int least = option.Name == "--queue" ? 0 : 1;
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < least)
                    {
                        error = $"{name} must be a whole number of at least {least.ToString(CultureInfo.InvariantCulture)}, not '{value}'";
                        return null;
                    }

                    options = option.Name switch
                    {
                        "--queue" => options with { QueueLength = count },
                        "--concurrency" => options with { Concurrency = count },
                        _ => options with { Threads = count },
                    };
                    break;
            }
        }

        IReadOnlyList<string> files = line.FilesOf(parsed);

        // System.CommandLine hands an unknown option to the files argument: before a "--", it is no file.
        int dashes = args.Count;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                dashes = i;
                break;
            }
        }

        for (int i = 0; i < dashes; i++)
        {
            if (args[i].Length > 1 && args[i][0] == '-' && files.Contains(args[i]))
            {
                error = $"unknown option '{args[i]}'";
                return null;
            }
        }
        options = options with { Files = files };
        if (serve)
        {
            error = ValidateServe(ref options, json, jsonLines, html, conllu);
            return error is null ? options : null;
        }

        if (serveOption)
        {
            error = "--urls, --max-request-bytes, --concurrency and --queue go with serve only";
            return null;
        }

        error = Validate(ref options, evalKind, json, jsonLines, html, conllu);
        return error is null ? options : null;
    }

    /// <summary>serve: no files and no output format (the service answers in JSON); the extraction options hold.</summary>
    private static string? ValidateServe(ref CliOptions options, bool json, bool jsonLines, bool html, bool conllu)
    {
        if (json || jsonLines || html || conllu)
        {
            return "serve answers in JSON and JSON Lines: --json, --jsonl, --html and --conllu do not go with it";
        }

        string? other = options switch
        {
            { Files.Count: > 0 } => $"'{options.Files[0]}' (serve reads no files)",
            { UkMarks: true } => "--uk",
            { Predictions: not null } => "--pred",
            { Output: not null } => "-o/--output",
            { Pretokenized: true } => "--pretokenized",
            _ => null,
        };
        if (other is not null)
        {
            return $"{other} does not go with serve";
        }

        if (options.ModelPath is not null && options.NoEntities)
        {
            return "--model and --no-entities exclude each other";
        }

        foreach (string url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme != "http")
            {
                return $"--urls takes http:// addresses such as http://127.0.0.1:8080 (several separated by ';'; the service speaks plain HTTP, TLS belongs to a gateway in front), not '{url}'";
            }
        }

#if !NET10_0_OR_GREATER
        // The service's ASP.NET Core and OpenAPI packages are in the net10.0 build only: a usage error, said before anything starts.
        return "serve needs the .NET 10 build of quote-extract or the native executable; this is the .NET 8 build";
#else
        options = options with { Command = CliCommand.Serve };
        return null;
#endif
    }

    private static string? Validate(ref CliOptions options, string? evalKind, bool json, bool jsonLines, bool html, bool conllu)
    {
        bool uk = options.UkMarks;
        int count = options.Files.Count;
        if (options.Pretokenized && !conllu)
        {
            return "--pretokenized goes with --conllu only";
        }

        if (conllu)
        {
            return ValidateConllu(ref options, evalKind, json, jsonLines, html);
        }

        if (options.Output is not null && !html)
        {
            return "-o/--output goes with --html only";
        }

        if (options.ModelPath is not null && options.NoEntities)
        {
            return "--model and --no-entities exclude each other";
        }

        if (evalKind is not null)
        {
            if (json || jsonLines)
            {
                return "--json and --jsonl do not go with eval: eval prints the scores as JSON";
            }

            if (html)
            {
                return "--html does not go with eval: eval prints the scores as JSON";
            }

            if (evalKind == "quotes")
            {
                options = options with { Command = CliCommand.EvalQuotes };
                return uk ? "--uk goes with 'eval polnear' only"
                    : count != 2 ? "eval quotes needs two files: GOLD.json ARTICLE.txt" : null;
            }

            options = options with { Command = CliCommand.EvalPolnear };
            return count != 1 ? "eval polnear needs one file: GOLD.jsonl" : null;
        }

        if (uk)
        {
            return "--uk goes with 'eval polnear' only";
        }

        if (options.Predictions is not null)
        {
            return "--pred goes with eval only";
        }

        if (json && jsonLines)
        {
            return "--json and --jsonl exclude each other";
        }

        if (html && (json || jsonLines))
        {
            return "--html excludes --json and --jsonl";
        }

        if (html)
        {
            options = options with { Command = CliCommand.Html };
            return count != 1 ? "--html needs exactly one file ('-' for standard input)" : null;
        }

        if (jsonLines)
        {
            options = options with { Command = CliCommand.JsonLines };
            return count > 1 ? "--jsonl reads one file (or standard input)" : null;
        }

        if (json)
        {
            options = options with { Command = CliCommand.Json };
            return count != 1 ? "--json needs exactly one file ('-' for standard input)" : null;
        }

        options = options with { Command = CliCommand.Text };
        return count == 0 ? "no input file (use '-' for standard input)" : null;
    }

    /// <summary>--conllu: one file, and none of the options of the other outputs or of quotes and entities.</summary>
    private static string? ValidateConllu(ref CliOptions options, string? evalKind, bool json, bool jsonLines, bool html)
    {
        if (evalKind is not null)
        {
            return "--conllu does not go with eval";
        }

        if (json || jsonLines || html)
        {
            return "--conllu excludes --json, --jsonl and --html";
        }

        string? other = options switch
        {
            { ModelPath: not null } => "--model",
            { MinimumConfidence: not null } => "--min-confidence",
            { NoIndirect: true } => "--no-indirect",
            { NoEntities: true } => "--no-entities",
            { UkMarks: true } => "--uk",
            { Predictions: not null } => "--pred",
            { Output: not null } => "-o/--output",
            _ => null,
        };
        if (other is not null)
        {
            string hint = options.ModelPath is not null ? " (--syntax-model FILE chooses the syntax model)" : "";
            return $"{other} does not go with --conllu: the CoNLL-U output has no quotes or entities{hint}";
        }

        options = options with { Command = CliCommand.Conllu };
        return options.Files.Count != 1 ? "--conllu needs exactly one file ('-' for standard input)" : null;
    }


    public const string HelpText = """

        Reference:
          Tab completion: install dotnet-suggest (dotnet tool install -g dotnet-suggest) and its shell script;
          quote-extract answers its [suggest] directive.

        Usage:
          quote-extract [OPTIONS] FILE...             the quotes of each file with their speakers, for reading
          quote-extract --json [OPTIONS] FILE         the whole analysis of FILE as JSON
          quote-extract --jsonl [OPTIONS] [FILE]      JSON Lines in, JSON Lines out (FILE or standard input)
          quote-extract --html [OPTIONS] FILE [-o OUT.html]
                                                      FILE as a self-contained HTML page, quotes tied to speakers
          quote-extract --conllu [--syntax-model M] FILE
                                                      the words of FILE tagged and parsed, as CoNLL-U
          quote-extract --conllu --pretokenized [--syntax-model M] FILE.conllu
                                                      the words of a CoNLL-U file tagged and parsed as they are
          quote-extract eval quotes GOLD.json ARTICLE.txt [--pred PRED.json] [OPTIONS]
          quote-extract eval polnear GOLD.jsonl [--uk] [--pred PRED.jsonl] [OPTIONS]
          quote-extract serve [--urls URL] [--max-request-bytes N] [--concurrency N] [--queue N] [OPTIONS]
                                                      the HTTP service (the .NET 10 and native builds)
        A FILE of '-' is standard input. Files are read as UTF-8 (a byte-order mark is honoured).

        Output:
          --json               Print the whole analysis of one file as indented JSON: text, quotes (with
                               speaker names and cue lemmas), entities, groups, paragraphs, sentences, tokens.
                               Its "quotes" array is what score_quotes.py reads as PRED.json.
          --jsonl              Read JSON Lines {"id": ..., "text": "..."} and write one line per document,
                               in input order: {"id", "quotes": [...], "entities": [...]}. The id is echoed
                               as a string (a number id as written; null when absent). Offsets are UTF-16
                               code units into the input text, end exclusive (an unpaired surrogate escape
                               such as \ud800 is one code unit, written back as U+FFFD). A quote is
                                 {start, end, text, kind: "direct"|"mixed"|"indirect", segments: [{start, end}],
                                  speaker: {start, end, text, name} | null, cue: {start, end, text} | null,
                                  confidence}
                               an entity {start, end, text, type: "PER"|"ORG"|"LOC"|"MISC", name}.
                               A line that is not a JSON object with a "text" string is reported on standard
                               error with its line number and skipped (no output line); blank lines are
                               skipped; the other lines are processed and the exit code is 1. An empty text
                               gives empty arrays. When standard error is a terminal, a progress line
                               (documents done, documents per second) is updated on it every second.
          --html               Write FILE as one self-contained HTML page (inline style and script; no fonts,
                               images, links or requests outside the page): each quote tinted in its
                               speaker's colour with the speaker named in the margin, the speaker's mention
                               underlined in that colour, entities marked PER, ORG, LOC or MISC, and a side
                               list of the speakers with their quotes. Hovering a quote, mention or speaker
                               highlights the others. All text is HTML-escaped.
          -o, --output FILE    With --html: write the page to FILE (UTF-8) instead of standard output.
          --conllu             Tokenize, split, tag and parse FILE (raw text) and write CoNLL-U (UTF-8, tabs,
                               LF line ends): per sentence "# sent_id = N" (1, 2, ... in the file), "# text = "
                               and the sentence with its line breaks written as spaces, then one line per
                               token: ID, FORM, LEMMA _, UPOS, XPOS _, FEATS _, HEAD (within the sentence,
                               0 for its root), DEPREL, DEPS _, MISC (SpaceAfter=No when the next token of the
                               sentence follows with no white space in between, else _), and a blank line.
                               "# newpar" comes before the first sentence of each paragraph. White space or
                               a control character inside a token (never made by the tokenizer) is written
                               as _ in FORM, so that every line keeps its ten columns.
          --pretokenized       With --conllu: FILE is CoNLL-U. Each sentence's words (the lines with a whole
                               number ID) are tagged and parsed as given; every line is written back as it
                               is except that a word line gets the new UPOS, HEAD and DEPREL (its ID, FORM,
                               LEMMA, XPOS, FEATS, DEPS and MISC are kept, DEPS even where it no longer
                               matches HEAD). Comments, multi-word token lines (3-4) and empty nodes (5.1)
                               are kept as they are. A line that is not a comment and has not ten columns,
                               an ID that is not one, word IDs that do not run 1, 2, 3, ... in a sentence or
                               an empty FORM stop the run with the line number on standard error (exit
                               code 3); the sentences before it have been written. The output can be scored
                               with ../shared/eval/score_conllu.py GOLD.conllu OUTPUT.conllu.

        Extraction:
          --min-confidence X   Leave out quotes with a confidence below X (0 to 1; default 0.5).
          --no-indirect        Leave out reported speech without quote marks.
          --no-entities        Do not run the entity tagger (speakers are still found).
          --model FILE         Tag entities with this model file (written by QuoteExtract.Training) instead
                               of the one built into the library. A missing, unreadable or corrupt file, or a
                               model of another format or feature-set version, is reported on standard
                               error, naming the file and the problem, with exit code 3.
          --syntax-model FILE  Tag and parse with this syntax model file (written by QuoteExtract.Training)
                               instead of the one built into the library; a bad file is reported like a bad
                               --model file (exit code 3).
          -j, --threads N      Analyse N documents at once with --jsonl and eval polnear, N sentences at once
                               with --conllu --pretokenized (default: the number of cores). The output order
                               is always the input order.

        Evaluation (prints the same JSON as ../shared/eval/score_quotes.py and score_polnear.py):
          eval quotes GOLD.json ARTICLE.txt
                               Analyse ARTICLE.txt and score its quotes against seed-style gold: a gold
                               segment is found when a predicted segment overlaps it by at least half of the
                               longer of the two; attributed when the speaker mention overlaps a gold speaker
                               span or the speaker's name or text contains a gold alias (never a bare pronoun).
                               "quoted" scores predicted direct and mixed quotes against the gold quotes,
                               "reported" predicted indirect ones against the reported clauses.
          eval polnear GOLD.jsonl
                               Analyse every PolNeAR article and score all of them together; gold quoted
                               segments are the attribution contents inside “…” or "…" marks, the rest is
                               reported speech. Gold offsets count code points, like Python.
          --uk                 With eval polnear: analyse each text with “ and ” replaced by ‘ and ’ (one
                               character for one, offsets unchanged; ’ apostrophes and " marks are left as
                               they are). The gold still comes from the original marks, which is also what
                               score_polnear.py does with predictions made on the swapped text.
          --pred FILE          With eval: score these predictions (score_quotes.py PRED.json such as the
                               --json output, or --jsonl output) instead of running the extractor; the
                               ARTICLE.txt of eval quotes is then not read.

        HTTP service (serve; Ctrl+C or SIGTERM stops it after the requests in flight):
          POST /v1/analyze     {"id": ..., "text": "..."} -> the --jsonl line for it (application/json);
                               400 {"error": "..."} for malformed JSON or no "text".
          POST /v1/analyze/batch
                               JSON Lines in -> JSON Lines out (application/x-ndjson), streamed, in input order;
                               a bad line gives {"line": N, "error": "..."} in its place.
          GET /health          503 until the models are loaded, then 200. GET /openapi/v1.json: the OpenAPI document.
          --urls URL           Where to listen (default http://127.0.0.1:8080; several separated by ';').
          --max-request-bytes N
                               The largest request body (default 67108864, 64 MB); larger ones get 413.
          --concurrency N      Requests analysed at once (default: the number of cores); a batch request
                               analyses -j documents at once.
          --queue N            Requests that may wait for a free slot (default 16); beyond that, 503 with
                               Retry-After.
          Logs go to standard error, one JSON object per line.

          -h, --help           Print this help.
          --version            Print the version.
          --                   Treat every later argument as a file.
        Options may also be written --name=value.

        Exit codes:
          0  everything was analysed (or scored)
          1  some documents failed: a malformed input line, or a text the extractor refused
          2  usage error: unknown option, missing or extra argument, bad value
          3  a file could not be read, a gold, prediction, --model, --syntax-model or --pretokenized
             CoNLL-U file is malformed, or the output could not be written
        """;
}
