using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;

namespace QuoteExtract.Cli;

/// <summary>
/// The command line as System.CommandLine symbols: the root command (the readable output, --json, --jsonl,
/// --html, --conllu), eval quotes, eval polnear and serve, with every option. System.CommandLine tokenizes
/// (--name=value, --, aliases, unknown options, missing values) and writes the standard help and the
/// completions of the [suggest] directive; <see cref="CliOptions"/> turns the values into options, with
/// the checks between options. Built per parse: the symbols are mutable objects, never shared.
/// </summary>
internal sealed class CliCommandLine
{
    private readonly Dictionary<Command, Argument<string[]>> _files = [];

    /// <param name="markRequests">--help and --version mark the parse for the tool to answer; false: System.CommandLine answers them itself.</param>
    public CliCommandLine(bool markRequests = true)
    {
        Root = new RootCommand("quote-extract: the quotes, speakers and named entities of English news text.");
        Eval = new Command("eval", "Score the extractor against gold quotes.");
        EvalQuotes = new Command("quotes", "Analyse ARTICLE.txt and score it against seed-style gold (GOLD.json ARTICLE.txt).");
        EvalPolnear = new Command("polnear", "Analyse every PolNeAR article of GOLD.jsonl and score them together.");
        Serve = new Command("serve", "The HTTP service: POST /v1/analyze, POST /v1/analyze/batch, GET /health, GET /openapi/v1.json.");
        Eval.Subcommands.Add(EvalQuotes);
        Eval.Subcommands.Add(EvalPolnear);
        Root.Subcommands.Add(Eval);
        Root.Subcommands.Add(Serve);
        AddFiles(Root, "FILE", "Files to analyse ('-' is standard input), read as UTF-8.");
        AddFiles(EvalQuotes, "FILE", "GOLD.json and ARTICLE.txt.");
        AddFiles(EvalPolnear, "FILE", "GOLD.jsonl.");
        AddFiles(Serve, "FILE", "None: the service reads its documents from requests.");
        _files[Serve].Hidden = true; // taken only to say that serve reads no files

        // Every command's action is the tool's (CliApp runs it): another action is a directive's ([suggest]).
        foreach (Command command in new[] { Root, EvalQuotes, EvalPolnear, Serve })
        {
            command.Action = ToolAction;
        }

        // The help and version options answer for themselves: the tool prints them (CliApp).
        foreach (Option option in markRequests ? Root.Options : [])
        {
            if (option is HelpOption help)
            {
                help.Action = new Requested(CliCommand.Help);
            }
            else if (option is VersionOption version)
            {
                version.Action = new Requested(CliCommand.Version);
            }
        }

        Flags =
        [
            Flag("--json", "The whole analysis of one file as indented JSON."),
            Flag("--jsonl", "JSON Lines {\"id\", \"text\"} in (FILE or standard input), one result line per document out, in input order."),
            Flag("--html", "One file as a self-contained HTML page, quotes tied to their speakers."),
            Flag("--conllu", "FILE tagged and parsed, as CoNLL-U."),
            Flag("--pretokenized", "With --conllu: FILE is CoNLL-U; its words are tagged and parsed as they are."),
            Flag("--no-indirect", "Leave out reported speech without quote marks."),
            Flag("--no-entities", "Do not run the entity tagger (speakers are still found)."),
            Flag("--uk", "With eval polnear: analyse each text with “ ” replaced by ‘ ’."),
        ];
        Values =
        [
            Value("--min-confidence", "X", "Leave out quotes with a confidence below X (0 to 1; default 0.5)."),
            Value("--threads", "N", "Documents analysed at once with --jsonl, eval polnear and serve's batches (default: the cores).", "-j"),
            Value("--output", "FILE", "With --html: write the page to FILE.", "-o"),
            Value("--model", "FILE", "Tag entities with this entity model file instead of the embedded one."),
            Value("--syntax-model", "FILE", "Tag and parse with this syntax model file instead of the embedded one."),
            Value("--pred", "FILE", "With eval: score these predictions instead of running the extractor."),
            Value("--urls", "URL", "serve: where to listen (default http://127.0.0.1:8080; several separated by ';')."),
            Value("--max-request-bytes", "N", "serve: the largest request body (default 64 MB); larger ones get 413."),
            Value("--concurrency", "N", "serve: requests analysed at once (default: the cores)."),
            Value("--queue", "N", "serve: requests that may wait for a slot (default 16); beyond that, 503 with Retry-After."),
        ];
    }

    /// <summary>The action of every command: a marker, the tool does the work.</summary>
    public SynchronousCommandLineAction ToolAction { get; } = new Requested(CliCommand.Text);

    /// <summary>The root command: quote-extract [OPTIONS] FILE...</summary>
    public RootCommand Root { get; }

    /// <summary>eval, which needs quotes or polnear.</summary>
    public Command Eval { get; }

    /// <summary>eval quotes GOLD.json ARTICLE.txt.</summary>
    public Command EvalQuotes { get; }

    /// <summary>eval polnear GOLD.jsonl.</summary>
    public Command EvalPolnear { get; }

    /// <summary>serve.</summary>
    public Command Serve { get; }

    /// <summary>The options without a value.</summary>
    public IReadOnlyList<Option<bool>> Flags { get; }

    /// <summary>The options with one value, kept as written: <see cref="CliOptions"/> checks and converts it.</summary>
    public IReadOnlyList<Option<string>> Values { get; }

    /// <summary>Parses the arguments (no response files: an argument starting with @ is a file name).</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The files (positional arguments) given to the command that was parsed.</summary>
    public IReadOnlyList<string> FilesOf(ParseResult parsed) =>
        _files.TryGetValue(parsed.CommandResult.Command, out Argument<string[]>? files) ? parsed.GetValue(files) ?? [] : [];

    /// <summary>What the parse asked for before anything else: help, the version, or null.</summary>
    public CliCommand? Request(ParseResult parsed) => parsed.Action is Requested requested && requested != ToolAction ? requested.Command : null;

    /// <summary>System.CommandLine's standard help for these arguments' command, then the reference every user needs (formats, exit codes).</summary>
    public static string HelpFor(IReadOnlyList<string> args)
    {
        using var writer = new StringWriter();
        new CliCommandLine(markRequests: false).Parse(args).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        writer.Write(CliOptions.HelpText);
        return writer.ToString();
    }

    /// <summary>The name of an option as the user wrote it (-j or --threads).</summary>
    public static string NameUsed(OptionResult result) => result.IdentifierToken?.Value ?? result.Option.Name;

    private void AddFiles(Command command, string name, string description)
    {
        var files = new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };
        command.Arguments.Add(files);
        _files[command] = files;
    }

    private Option<bool> Flag(string name, string description)
    {
        var option = new Option<bool>(name) { Description = description, Arity = ArgumentArity.Zero, Recursive = true };
        Root.Options.Add(option);
        return option;
    }

    private Option<string> Value(string name, string helpName, string description, params string[] aliases)
    {
        var option = new Option<string>(name, aliases) { Description = description, HelpName = helpName, Arity = ArgumentArity.ExactlyOne, Recursive = true };
        Root.Options.Add(option);
        return option;
    }

    /// <summary>The action of --help and --version: marks the request, which the tool carries out.</summary>
    private sealed class Requested(CliCommand command) : SynchronousCommandLineAction
    {
        public CliCommand Command { get; } = command;

        public override bool Terminating => true;

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult) => 0;
    }
}
