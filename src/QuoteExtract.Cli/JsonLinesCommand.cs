using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli;

/// <summary>
/// --jsonl: reads {"id", "text"} lines, writes {"id", "quotes", "entities"} lines in input order. Lines are
/// read, analysed on all cores and written as they come, a bounded number in flight.
/// </summary>
internal static class JsonLinesCommand
{
    /// <param name="progress">Where a progress line goes (standard error when it is a terminal), or null for none.</param>
    public static int Run(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr, ProgressLine? progress = null)
    {
        ExtractorPipeline pipeline = options.CreatePipeline();
        string path = options.Files.Count > 0 ? options.Files[0] : "-";
        TextReader input = CliApp.OpenInput(path, stdin);
        int failed = 0;
        try
        {
            OrderedParallel.ForEach(
                ReadDocuments(input),
                line => Process(line, pipeline),
                result =>
                {
                    progress?.Advance();
                    if (result.Error is not null)
                    {
                        failed++;
                        progress?.Clear();
                        stderr.WriteLine($"quote-extract: line {result.LineNumber.ToString(CultureInfo.InvariantCulture)}: {result.Error}");
                    }
                    else
                    {
                        stdout.WriteLine(result.Json);
                    }
                },
                options.DegreeOfParallelism,
                whenIdle: stdout.Flush);
            progress?.Finish();
        }
        finally
        {
            if (!ReferenceEquals(input, stdin))
            {
                input.Dispose();
            }
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.DocumentsFailed;
    }

    /// <summary>One output line, or the reason there is none.</summary>
    /// <param name="LineNumber">The input line's 1-based number.</param>
    /// <param name="Json">The output line, or null when there is none.</param>
    /// <param name="Error">Why there is none: the input's fault, or the extractor's when <paramref name="ExtractorFailed"/>.</param>
    /// <param name="ExtractorFailed">The input was a document, and the extractor failed on it.</param>
    internal readonly record struct LineResult(long LineNumber, string? Json, string? Error, bool ExtractorFailed = false);

    /// <summary>The input lines with their 1-based numbers; blank lines are skipped.</summary>
    internal static IEnumerable<(long Number, string Line)> ReadDocuments(TextReader input)
    {
        long number = 0;
        while (input.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>Parses, analyses and serializes one line; never throws for a bad document.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    internal static LineResult Process((long Number, string Line) input, ExtractorPipeline pipeline, CancellationToken cancellationToken = default)
    {
        InputDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(input.Line, CliJsonContext.Compact.InputDocument);
        }
        catch (JsonException ex)
        {
            return new(input.Number, null, $"invalid JSON: {ex.Message}");
        }

        if (doc is null)
        {
            return new(input.Number, null, "expected a JSON object {\"id\": ..., \"text\": \"...\"}");
        }

        if (!TryGetId(doc.Id, out string? id))
        {
            return new(input.Number, null, "\"id\" must be a string or a number");
        }

        if (doc.Text is null)
        {
            return new(input.Number, null, $"{Describe(id)}no \"text\" string");
        }

        Analysis analysis;
        try
        {
            analysis = pipeline.Analyze(doc.Text, cancellationToken);
        }
#pragma warning disable CA1031 // One document the extractor fails on must not stop the others: it is reported and counted.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // Analyze throws ArgumentException only for its input (a text over MaxTextLength): the document's fault.
            return new(input.Number, null, $"{Describe(id)}the extractor failed: {ex.GetType().Name}: {ex.Message}", ExtractorFailed: ex is not ArgumentException);
        }

        return new(input.Number, ToJsonLine(AnalysisMapper.ToDocument(id, analysis)), null);
    }

    /// <summary>One output line, without the line break.</summary>
    internal static string ToJsonLine(DocumentJson document) => JsonSerializer.Serialize(document, CliJsonContext.Compact.DocumentJson);

    /// <summary>A string id as it is, a number id as written, no id as null.</summary>
    private static bool TryGetId(JsonElement? element, out string? id)
    {
        id = null;
        switch (element?.ValueKind)
        {
            case null or JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                id = element.Value.GetString();
                return true;
            case JsonValueKind.Number:
                id = element.Value.GetRawText();
                return true;
            default:
                return false;
        }
    }

    private static string Describe(string? id) => id is null ? "" : $"id \"{id}\": ";
}
