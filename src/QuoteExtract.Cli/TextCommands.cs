using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using QuoteExtract.Cli.Html;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli;

/// <summary>The commands on whole files: quotes for reading, and --json.</summary>
internal static class TextCommands
{
    /// <summary>Each file's quotes with kind, speaker name (and mention), cue and quoted text.</summary>
    public static int Quotes(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ExtractorPipeline pipeline = options.CreatePipeline();
        int code = ExitCodes.Ok;
        bool printed = false;
        foreach (string path in options.Files)
        {
            Analysis? analysis;
            try
            {
                analysis = Analyze(path, CliApp.ReadAllText(path, stdin), pipeline, stderr);
            }
            catch (CliInputException ex)
            {
                stderr.WriteLine($"quote-extract: {ex.Message}");
                code = ExitCodes.InputError;
                continue;
            }

            if (analysis is null)
            {
                code = Math.Max(code, ExitCodes.DocumentsFailed);
                continue;
            }

            if (printed)
            {
                stdout.WriteLine();
            }

            printed = true;
            WriteQuotes(path == "-" ? "(standard input)" : path, analysis.Text, analysis.Quotes, stdout);
        }

        return code;
    }

    /// <summary>The whole analysis of one file as indented JSON.</summary>
    public static int Json(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ExtractorPipeline pipeline = options.CreatePipeline(); // a bad --model is reported before the input is read
        string path = options.Files[0];
        Analysis? analysis = Analyze(path, CliApp.ReadAllText(path, stdin), pipeline, stderr);
        if (analysis is null)
        {
            return ExitCodes.DocumentsFailed;
        }

        stdout.WriteLine(JsonSerializer.Serialize(AnalysisMapper.ToJson(analysis), CliJsonContext.Indented.AnalysisJson));
        return ExitCodes.Ok;
    }

    /// <summary>One file as a self-contained HTML page, to standard output or to <see cref="CliOptions.Output"/>.</summary>
    public static int Html(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ExtractorPipeline pipeline = options.CreatePipeline(); // a bad --model is reported before the input is read
        string path = options.Files[0];
        Analysis? analysis = Analyze(path, CliApp.ReadAllText(path, stdin), pipeline, stderr);
        if (analysis is null)
        {
            return ExitCodes.DocumentsFailed;
        }

        string title = path == "-" ? "standard input" : Path.GetFileName(path);
        if (options.Output is not { } output)
        {
            HtmlView.Write(title, analysis, stdout);
            return ExitCodes.Ok;
        }

        using var page = new StringWriter();
        HtmlView.Write(title, analysis, page);
        try
        {
            File.WriteAllText(output, page.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"cannot write '{output}': {ex.Message}", ex);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// <code>
    /// 1. direct · Jane Smith (“she”) · cue: said · confidence 0.91
    ///    “We will win.”
    /// </code>
    /// </summary>
    public static void WriteQuotes(string title, string text, IReadOnlyList<Quote> quotes, TextWriter output)
    {
        int count = quotes.Count;
        output.WriteLine($"{title}: {(count == 0 ? "no" : count.ToString(CultureInfo.InvariantCulture))} quote{(count == 1 ? "" : "s")}");
        for (int i = 0; i < count; i++)
        {
            Quote quote = quotes[i];
            string speaker = DescribeSpeaker(quote.Speaker);
            string cue = quote.Cue is { } c ? c.Text : "none";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{i + 1}. {AnalysisMapper.KindName(quote.Kind)} · {speaker} · cue: {cue} · confidence {quote.Confidence:0.00}"));
            (string open, string close) = quote.Kind == QuoteKind.Indirect ? ("", "") : ("“", "”");
            foreach (TextSpan segment in quote.Segments.IsDefaultOrEmpty ? [quote.Span] : quote.Segments)
            {
                output.WriteLine($"   {open}{text.AsSpan(segment.Start, segment.Length)}{close}");
            }
        }

        if (count > 0)
        {
            output.WriteLine(GenderShare(quotes));
        }
    }

    /// <summary><c>Quotes by gender: 2 female (40%), 3 male (60%), 1 unknown, 1 without a speaker</c>; shares of those whose gender is known.</summary>
    public static string GenderShare(IReadOnlyList<Quote> quotes)
    {
        int female = quotes.Count(q => q.Speaker is { Gender: PersonGender.Female });
        int male = quotes.Count(q => q.Speaker is { Gender: PersonGender.Male });
        int unknown = quotes.Count(q => q.Speaker is { Gender: PersonGender.Unknown });
        int none = quotes.Count - female - male - unknown;
        int known = female + male;
        string Share(int n) => known == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({100.0 * n / known:0}%)");
        return string.Create(CultureInfo.InvariantCulture, $"Quotes by gender: {female} female{Share(female)}, {male} male{Share(male)}, {unknown} unknown")
            + (none > 0 ? string.Create(CultureInfo.InvariantCulture, $", {none} without a speaker") : "");
    }

    /// <summary>The speaker's name, with the mention when it differs (Jane Smith (“she”)), or "speaker unknown".</summary>
    public static string DescribeSpeaker(Speaker? speaker) => speaker switch
    {
        null => "speaker unknown",
        { NameKind: SpeakerNameKind.Unresolved } s => $"unresolved (“{s.Text}”)",
        { } s when s.Text == s.Name => s.Name + GenderSuffix(s),
        { } s => $"{s.Name} (“{s.Text}”)" + GenderSuffix(s),
    };

    private static string GenderSuffix(Speaker s) => s.Gender switch
    {
        PersonGender.Female => ", female",
        PersonGender.Male => ", male",
        _ => "",
    };

    /// <summary>The analysis, or null after telling why the extractor refused the text.</summary>
    private static Analysis? Analyze(string path, string text, ExtractorPipeline pipeline, TextWriter stderr)
    {
        try
        {
            return pipeline.Analyze(text);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"quote-extract: {path}: {ex.Message}");
            return null;
        }
    }
}
