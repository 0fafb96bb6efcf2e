using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuoteExtract.Cli.Eval;
using Xunit.Abstractions;

namespace QuoteExtract.Tests.Cli;

/// <summary>
/// eval quotes and eval polnear print exactly what ../shared/eval/score_quotes.py and score_polnear.py print,
/// on prediction files made to exercise the scoring: shifted spans (found and missed), spans of exactly half,
/// right, wrong, pronoun, NBSP and upper-case speakers, speakers right by span only, multi-segment quotes,
/// missing kinds and empty segment lists, false positives, missing and duplicate documents, emoji (UTF-16 vs
/// code points) and number ids.
/// </summary>
public sealed class ScorerAgreementTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quote-extract-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string Script(string name) => CliHost.SharedPath("eval", name);

    [PythonScorerFact]
    public void Eval_quotes_agrees_with_score_quotes_py_on_perturbed_predictions()
    {
        string goldPath = CliHost.SharedPath("seed", "soleimani-gold.json");
        string articlePath = CliHost.SharedPath("seed", "soleimani-article.txt");
        string text = File.ReadAllText(articlePath);
        using JsonDocument gold = JsonDocument.Parse(File.ReadAllText(goldPath));
        var rng = new Random(20200103);
        var predictions = new JsonArray();
        foreach ((string list, string[] kinds) in new[] { ("quotes", new[] { "direct", "mixed", "direct", "indirect" }), ("reported", new[] { "indirect", "indirect", "direct" }) })
        {
            var items = gold.RootElement.GetProperty(list).EnumerateArray()
                .Select(g => new GoldLike(
                    g.GetProperty("start").GetInt32(),
                    g.GetProperty("end").GetInt32(),
                    g.GetProperty("speaker_aliases").EnumerateArray().Select(a => a.GetString()!).ToArray(),
                    null))
                .ToArray();
            Perturb(items, text.Length, rng, i => kinds[i % kinds.Length], predictions);
        }

        string predPath = Write("seed-pred.json", new JsonObject { ["quotes"] = predictions }.ToJsonString());
        string python = CliHost.RunPython(Script("score_quotes.py"), goldPath, predPath);
        CliResult ours = CliHost.Run("eval", "quotes", goldPath, articlePath, "--pred", predPath);

        Assert.Equal("", ours.Stderr);
        Assert.Equal(0, ours.ExitCode);
        log.WriteLine($"python: {python}\nC#:     {ours.Stdout.Trim()}");
        Assert.Equal(python, ours.Stdout.Trim());
        AssertNonTrivial(python, "quoted", "reported");
    }

    [PythonScorerFact]
    public void Eval_polnear_agrees_with_score_polnear_py_on_perturbed_predictions()
    {
        string goldPath = Write("gold.jsonl", File.ReadAllText(CliHost.SharedPath("data", "quotes", "polnear", "dev.jsonl")).TrimEnd('\n') + "\n" + string.Join("\n", OwnArticles()) + "\n");
        var rng = new Random(2016);
        var lines = new List<string>();
        int docIndex = 0;
        foreach (string line in File.ReadLines(goldPath))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            string text = root.GetProperty("text").GetString()!;
            int[] toUtf16 = Utf16Offsets(text);
            var items = new List<GoldLike>();
            foreach (JsonElement a in root.GetProperty("attributions").EnumerateArray())
            {
                (int S, int E)[] source = a.TryGetProperty("source", out JsonElement s) && s.ValueKind == JsonValueKind.Array
                    ? s.EnumerateArray().Select(p => (toUtf16[p[0].GetInt32()], toUtf16[p[1].GetInt32()])).ToArray()
                    : [];
                string alias = string.Join(" ", source.Select(p => text[p.S..p.E])).Trim();
                foreach (JsonElement c in a.TryGetProperty("content", out JsonElement content) && content.ValueKind == JsonValueKind.Array ? content.EnumerateArray() : default)
                {
                    items.Add(new GoldLike(toUtf16[c[0].GetInt32()], toUtf16[c[1].GetInt32()], alias.Length > 0 ? [alias] : [], source.Length > 0 ? source[0] : null));
                }
            }

            string id = root.GetProperty("id").ValueKind == JsonValueKind.Number ? root.GetProperty("id").GetRawText() : root.GetProperty("id").GetString()!;
            docIndex++;
            if (docIndex % 9 == 0)
            {
                continue; // no prediction for this document
            }

            string[] kinds = ["direct", "indirect", "mixed", "indirect"];
            var predictions = Perturb(items, text.Length, rng, i => kinds[(i + docIndex) % kinds.Length], new JsonArray());
            if (docIndex % 13 == 0)
            {
                // A first line for the same id that the second replaces.
                lines.Add(new JsonObject { ["id"] = id, ["quotes"] = Perturb(items, text.Length, rng, _ => "direct", new JsonArray()), ["entities"] = new JsonArray() }.ToJsonString());
            }

            lines.Add(new JsonObject { ["id"] = id, ["quotes"] = predictions, ["entities"] = new JsonArray() }.ToJsonString());
        }

        lines.Add("""{"id": "not-in-gold", "quotes": [{"start": 0, "end": 5, "kind": "direct"}], "entities": []}""");
        string predPath = Write("pred.jsonl", string.Join("\n", lines) + "\n\n");

        string python = CliHost.RunPython(Script("score_polnear.py"), goldPath, predPath);
        CliResult ours = CliHost.Run("eval", "polnear", goldPath, "--pred", predPath, "-j", "2");
        Assert.Equal("", ours.Stderr);
        Assert.Equal(0, ours.ExitCode);
        log.WriteLine($"python: {python}\nC#:     {ours.Stdout.Trim()}");
        Assert.Equal(python, ours.Stdout.Trim());
        AssertNonTrivial(python, "quoted", "reported");

        // score_polnear.py takes --uk but reads the gold from the original marks either way; so does eval --uk.
        Assert.Equal(CliHost.RunPython(Script("score_polnear.py"), goldPath, predPath, "--uk"), CliHost.Run("eval", "polnear", goldPath, "--uk", "--pred", predPath).Stdout.Trim());
    }

    /// <summary>The scripted path of the README: --jsonl output scored by the Python equals eval polnear.</summary>
    [PythonScorerFact]
    public void Jsonl_output_scored_by_score_polnear_py_equals_eval_polnear()
    {
        string dev = CliHost.SharedPath("data", "quotes", "polnear", "dev.jsonl");
        CliResult jsonl = CliHost.Run("--jsonl", dev);
        Assert.Equal(0, jsonl.ExitCode);
        string predPath = Write("dev-pred.jsonl", jsonl.Stdout);
        Assert.Equal(File.ReadLines(dev).Count(), jsonl.Lines.Length);
        Assert.Equal(CliHost.RunPython(Script("score_polnear.py"), dev, predPath), CliHost.Run("eval", "polnear", dev).Stdout.Trim());

        // --uk: the tool reads the swapped texts, the Python derives the gold from the original file.
        var swapped = new StringBuilder();
        foreach (string line in File.ReadLines(dev))
        {
            JsonNode doc = JsonNode.Parse(line)!;
            swapped.Append(new JsonObject { ["id"] = doc["id"]!.GetValue<string>(), ["text"] = EvalCommands.ToSingleQuoteMarks(doc["text"]!.GetValue<string>()) }.ToJsonString()).Append('\n');
        }

        string ukPred = Write("dev-uk-pred.jsonl", CliHost.RunWithInput(swapped.ToString(), "--jsonl").Stdout);
        Assert.Equal(CliHost.RunPython(Script("score_polnear.py"), dev, ukPred, "--uk"), CliHost.Run("eval", "polnear", dev, "--uk").Stdout.Trim());
    }

    /// <summary>--json output is a PRED.json for score_quotes.py, and scores as eval quotes does.</summary>
    [PythonScorerFact]
    public void Json_output_scored_by_score_quotes_py_equals_eval_quotes()
    {
        string goldPath = CliHost.SharedPath("seed", "soleimani-gold.json");
        string articlePath = CliHost.SharedPath("seed", "soleimani-article.txt");
        string predPath = Write("seed-analysis.json", CliHost.Run("--json", articlePath).Stdout);
        Assert.Equal(CliHost.RunPython(Script("score_quotes.py"), goldPath, predPath), CliHost.Run("eval", "quotes", goldPath, articlePath).Stdout.Trim());
    }

    /// <summary>A gold segment with UTF-16 offsets, its speaker's aliases and mention.</summary>
    private sealed record GoldLike(int Start, int End, string[] Aliases, (int Start, int End)? SpeakerSpan);

    /// <summary>Predictions for <paramref name="gold"/>: eleven kinds of right and wrong, in turn, and some noise.</summary>
    private static JsonArray Perturb(IReadOnlyList<GoldLike> gold, int textLength, Random rng, Func<int, string> kind, JsonArray output)
    {
        for (int i = 0; i < gold.Count; i++)
        {
            GoldLike g = gold[i];
            int length = g.End - g.Start;
            string alias = g.Aliases.Length > 0 ? g.Aliases[rng.Next(g.Aliases.Length)] : "Somebody";
            JsonObject Right() => g.SpeakerSpan is { } s
                ? new JsonObject { ["start"] = s.Start, ["end"] = s.End, ["text"] = alias, ["name"] = alias }
                : new JsonObject { ["text"] = alias, ["name"] = alias };
            JsonObject Quote(int start, int end, JsonNode? speaker) => new()
            {
                ["start"] = start, ["end"] = end, ["text"] = "", ["kind"] = kind(i),
                ["segments"] = new JsonArray(new JsonObject { ["start"] = start, ["end"] = end }),
                ["speaker"] = speaker, ["cue"] = null, ["confidence"] = 0.5,
            };

            switch (i % 11)
            {
                case 0:
                    output.Add(Quote(g.Start, g.End, Right()));
                    break;
                case 1: // shifted by a third: still found; a bare pronoun never counts
                    output.Add(Quote(g.Start + (length / 3), g.End + (length / 3), new JsonObject { ["text"] = "He", ["name"] = null }));
                    break;
                case 2: // shifted by 60 %: missed, and a false positive
                    output.Add(Quote(g.Start + (length * 6 / 10), g.End + (length * 6 / 10), Right()));
                    break;
                case 3: // upper case and a non-breaking space in the name
                    output.Add(Quote(g.Start, g.End, new JsonObject { ["text"] = "", ["name"] = "The " + alias.ToUpperInvariant().Replace(' ', '\u00a0') }));
                    break;
                case 4: // wrong speaker, with a mention elsewhere
                    output.Add(Quote(g.Start, g.End, new JsonObject { ["start"] = 0, ["end"] = 3, ["text"] = "Nobody", ["name"] = "Nobody" }));
                    break;
                case 5 when i + 1 < gold.Count: // one quote over two gold segments
                    JsonObject both = Quote(g.Start, gold[i + 1].End, Right());
                    both["segments"] = new JsonArray(new JsonObject { ["start"] = g.Start, ["end"] = g.End }, new JsonObject { ["start"] = gold[i + 1].Start, ["end"] = gold[i + 1].End });
                    output.Add(both);
                    break;
                case 6: // missed
                    break;
                case 7: // no kind (direct), empty segments (the span counts), no speaker
                    JsonObject bare = Quote(g.Start, g.End, null);
                    bare.Remove("kind");
                    bare["segments"] = new JsonArray();
                    output.Add(bare);
                    break;
                case 8: // exactly half of the gold: found
                    output.Add(Quote(g.Start, g.Start + ((length + 1) / 2), new JsonObject { ["name"] = alias }));
                    break;
                case 9: // just under half: missed; then the wrong speaker first, the right one second
                    output.Add(Quote(g.Start, g.Start + (length / 2) - 1, Right()));
                    output.Add(Quote(g.Start, g.End, new JsonObject { ["text"] = "they", ["name"] = "they" }));
                    output.Add(Quote(g.Start, g.End, Right()));
                    break;
                default: // right by the mention's span alone
                    output.Add(Quote(g.Start, g.End, g.SpeakerSpan is { } span ? new JsonObject { ["start"] = span.Start, ["end"] = span.End, ["text"] = "x", ["name"] = "" } : Right()));
                    break;
            }

            if (i % 4 == 0)
            {
                int start = rng.Next(Math.Max(1, textLength - 40));
                output.Add(Quote(start, Math.Min(textLength, start + 5 + rng.Next(30)), Right()));
            }
        }

        return output;
    }

    /// <summary>Articles of our own with what PolNeAR lacks: emoji (code points ≠ UTF-16), number ids, straight marks.</summary>
    private static IEnumerable<string> OwnArticles()
    {
        yield return Article(
            "own-1",
            "😀 Breaking: “We are ready for this,” said Ana Díaz 🎉, the minister. She said the talks “went very well” and a deal was close. \"Straight marks count too,\" he added. Officials expect a vote on Friday.",
            ("Ana Díaz", "We are ready for this,"),
            ("She", "the talks “went very well” and a deal was close"),
            ("he", "Straight marks count too,"),
            (null, "Officials expect a vote on Friday"));
        yield return Article(
            12345,
            "🎉🎉 “🎉🎉 party time,” the mayor declared, and the chair said “a” was enough. 𝔄𝔅 The council, she said, would meet again.",
            ("the mayor", "“🎉🎉 party time,”"),
            ("the chair", "“a” was enough"),
            ("she", "The council"));
    }

    /// <summary>A PolNeAR-style line; the offsets count code points, as in the corpus.</summary>
    private static string Article(JsonNode id, string text, params (string? Source, string Content)[] attributions)
    {
        int[] cp = ScorerTests.CodePointIndexes(text);
        JsonArray Span(string part)
        {
            int at = text.IndexOf(part, StringComparison.Ordinal);
            Assert.True(at >= 0, part);
            return new JsonArray(new JsonArray(cp[at], cp[at + part.Length]));
        }

        var list = new JsonArray();
        foreach ((string? source, string content) in attributions)
        {
            list.Add(new JsonObject { ["source"] = source is null ? null : Span(source), ["content"] = Span(content) });
        }

        return new JsonObject { ["id"] = id, ["text"] = text, ["attributions"] = list }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The UTF-16 offset of every code-point index.</summary>
    private static int[] Utf16Offsets(string text)
    {
        var offsets = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return offsets.ToArray();
    }

    private static void AssertNonTrivial(string scores, params string[] names)
    {
        using JsonDocument doc = JsonDocument.Parse(scores);
        foreach (string name in names)
        {
            JsonElement s = doc.RootElement.GetProperty(name);
            foreach (string metric in new[] { "precision", "recall", "attribution_accuracy", "end_to_end_f1" })
            {
                double value = s.GetProperty(metric).GetDouble();
                Assert.True(value is > 0 and < 1, $"{name}.{metric} = {value}: the predictions should exercise the scorer");
            }
        }
    }
}
