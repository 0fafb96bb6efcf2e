using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli.Eval;

/// <summary>eval quotes and eval polnear: the Python scorers' numbers, computed in process.</summary>
internal static class EvalCommands
{
    /// <summary>eval quotes GOLD.json ARTICLE.txt: as score_quotes.py GOLD.json PRED.json.</summary>
    public static int Quotes(CliOptions options, TextReader stdin, TextWriter stdout)
    {
        GoldSet gold = EvalData.LoadSeedGold(options.Files[0]);
        IReadOnlyList<PredictedQuote> predictions = options.Predictions is { } path
            ? EvalData.LoadSeedPredictions(path)
            : Predict(options.CreatePipeline().Analyze(CliApp.ReadAllText(options.Files[1], stdin)));
        (ScoreCounts quoted, ScoreCounts reported) = QuoteScorer.Score(gold, predictions);
        stdout.WriteLine(PyJson.SeedScores(quoted, reported));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// eval polnear GOLD.jsonl: as <c>quote-extract --jsonl GOLD.jsonl &gt; PRED.jsonl</c> then
    /// score_polnear.py GOLD.jsonl PRED.jsonl. With --uk the extractor reads each text with “ ” turned into
    /// ‘ ’ while the gold still comes from the original marks (score_polnear.py finds only “ ” and ").
    /// </summary>
    public static int Polnear(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        string goldPath = options.Files[0];
        Dictionary<string, IReadOnlyList<PredictedQuote>>? saved = options.Predictions is { } path ? EvalData.LoadJsonLinesPredictions(path) : null;
        ExtractorPipeline? pipeline = saved is null ? options.CreatePipeline() : null;
        ScoreCounts quoted = default, reported = default;
        bool any = false;
        int failed = 0;
        OrderedParallel.ForEach(
            GoldLines(goldPath),
            line =>
            {
                using JsonDocument doc = EvalData.Parse(line.Text, goldPath, line.Number);
                PolnearArticle article = EvalData.Guard(goldPath, line.Number, () => PolnearArticle.Parse(doc.RootElement));
                string? error = null;
                IReadOnlyList<PredictedQuote> predictions = saved is not null
                    ? saved.GetValueOrDefault(article.Id) ?? []
                    : TryPredict(article.Text, options.UkMarks, pipeline!, out error);
                PredictedQuote[] inCodePoints = predictions.Select(p => p.MapOffsets(article.Utf16ToCodePoint)).ToArray();
                return (Scores: QuoteScorer.Score(article.Gold, inCodePoints), Error: error, line.Number, article.Id);
            },
            result =>
            {
                any = true;
                quoted += result.Scores.Quoted;
                reported += result.Scores.Reported;
                if (result.Error is not null)
                {
                    failed++;
                    stderr.WriteLine($"quote-extract: {goldPath} line {result.Number.ToString(CultureInfo.InvariantCulture)} (id \"{result.Id}\"): {result.Error}; scored with no quotes");
                }
            },
            options.DegreeOfParallelism);
        stdout.WriteLine(PyJson.PolnearScores(any ? [("quoted", quoted), ("reported", reported)] : []));
        return failed == 0 ? ExitCodes.Ok : ExitCodes.DocumentsFailed;
    }

    /// <summary>“ → ‘ and ” → ’, one character for one: British-style marks at the same offsets.</summary>
    public static string ToSingleQuoteMarks(string text) => text.Replace('“', '‘').Replace('”', '’');

    private static PredictedQuote[] TryPredict(string text, bool ukMarks, ExtractorPipeline pipeline, out string? error)
    {
        error = null;
        try
        {
            return Predict(pipeline.Analyze(ukMarks ? ToSingleQuoteMarks(text) : text));
        }
#pragma warning disable CA1031 // As with --jsonl: a text the extractor fails on is reported and scored as no quotes.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            error = $"the extractor failed: {ex.GetType().Name}: {ex.Message}";
            return [];
        }
    }

    /// <summary>The quotes as the scorer reads them from the tool's JSON output.</summary>
    private static PredictedQuote[] Predict(Analysis analysis) =>
        analysis.Quotes.Select(q => EvalData.FromJson(AnalysisMapper.ToJson(q, full: false))).ToArray();

    private static IEnumerable<(int Number, string Text)> GoldLines(string path)
    {
        int number = 0;
        foreach (string line in EvalData.ReadLines(path))
        {
            number++;
            if (line.Length > 0)
            {
                yield return (number, line);
            }
        }
    }
}
