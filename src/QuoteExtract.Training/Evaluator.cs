using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using QuoteExtract.Entities;

namespace QuoteExtract.Training;

/// <summary>Exact-span precision, recall and F1 for one type or all.</summary>
internal readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// CoNLL-style evaluation done as <c>../shared/eval/score_ner.py</c> does it: each document's text is
/// laid out as <c>make-input</c> lays it out, the library's recognizer runs on the raw text (its own
/// tokenizer and sentence splitter), and a predicted entity counts when its character span starts and
/// ends on the boundaries of the same gold tokens as a gold entity of the same type.
/// </summary>
internal static class Evaluator
{
    public static SortedDictionary<string, Score> Evaluate(EntityRecognizer recognizer, IReadOnlyList<IobDocument> docs, bool noMisc)
    {
        var tp = new Dictionary<string, int>();
        var fp = new Dictionary<string, int>();
        var fn = new Dictionary<string, int>();
        foreach (IobDocument doc in docs)
        {
            ImmutableArray<Entity> predicted = Predict(recognizer, doc.Text);
            var starts = new Dictionary<int, int>();
            var ends = new Dictionary<int, int>();
            for (int k = 0; k < doc.Tokens.Length; k++)
            {
                starts[doc.Tokens[k].Start] = k;
                ends[doc.Tokens[k].End] = k;
            }

            var pred = new HashSet<(string, int, int)>();
            foreach (Entity e in predicted)
            {
                string t = e.Type.ToLabel();
                if (noMisc && e.Type == EntityType.Miscellaneous)
                {
                    continue;
                }

                if (!starts.TryGetValue(e.Span.Start, out int a) || !ends.TryGetValue(e.Span.End, out int b))
                {
                    Increment(fp, t);
                    continue;
                }

                pred.Add((t, a, b + 1));
            }

            var gold = new HashSet<(string, int, int)>();
            foreach (GoldSpan g in doc.Gold)
            {
                if (!(noMisc && g.Type == EntityType.Miscellaneous))
                {
                    gold.Add((g.Type.ToLabel(), g.Start, g.End));
                }
            }

            foreach ((string, int, int) g in gold)
            {
                Increment(pred.Contains(g) ? tp : fn, g.Item1);
            }

            foreach ((string, int, int) p in pred)
            {
                if (!gold.Contains(p))
                {
                    Increment(fp, p.Item1);
                }
            }
        }

        var result = new SortedDictionary<string, Score>(StringComparer.Ordinal);
        foreach (string t in tp.Keys.Concat(fp.Keys).Concat(fn.Keys).Distinct())
        {
            result[t] = new Score(tp.GetValueOrDefault(t), fp.GetValueOrDefault(t), fn.GetValueOrDefault(t));
        }

        result["ALL"] = new Score(tp.Values.Sum(), fp.Values.Sum(), fn.Values.Sum());
        return result;
    }

    /// <summary>Runs the recognizer on raw text, as a user of the library would.</summary>
    public static ImmutableArray<Entity> Predict(EntityRecognizer recognizer, string text)
    {
        SegmentedText segments = NewsTokenizer.Default.Segment(text);
        return recognizer.Recognize(segments, CancellationToken.None);
    }

    /// <summary>The scores as score_ner.py prints them: {"TYPE": {"p", "r", "f1"}, ..., "ALL": {...}}, rounded to 4 places.</summary>
    public static string ToJson(SortedDictionary<string, Score> scores)
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (KeyValuePair<string, Score> kv in scores.Where(kv => kv.Key != "ALL").Append(new("ALL", scores["ALL"])))
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            sb.Append(CultureInfo.InvariantCulture, $"\"{kv.Key}\": {{\"p\": {Math.Round(kv.Value.Precision, 4)}, \"r\": {Math.Round(kv.Value.Recall, 4)}, \"f1\": {Math.Round(kv.Value.F1, 4)}}}");
        }

        return sb.Append('}').ToString();
    }

    public static string ToTable(SortedDictionary<string, Score> scores)
    {
        var sb = new StringBuilder();
        sb.AppendLine("type      P       R       F1      tp    fp    fn");
        foreach (KeyValuePair<string, Score> kv in scores.Where(kv => kv.Key != "ALL").Append(new("ALL", scores["ALL"])))
        {
            Score s = kv.Value;
            sb.AppendLine(CultureInfo.InvariantCulture, $"{kv.Key,-6} {s.Precision,7:F4} {s.Recall,7:F4} {s.F1,7:F4} {s.TruePositives,6} {s.FalsePositives,5} {s.FalseNegatives,5}");
        }

        return sb.ToString();
    }

    /// <summary>Reads {"id","text"} lines and writes {"id","entities":[{start,end,type}]} lines.</summary>
    public static int PredictJsonl(EntityRecognizer recognizer, string input, string output)
    {
        int count = 0;
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        foreach (string line in File.ReadLines(input, Encoding.UTF8))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement id = json.RootElement.GetProperty("id");
            string text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
            ImmutableArray<Entity> entities = Predict(recognizer, text);
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WritePropertyName("id");
                id.WriteTo(w);
                w.WriteStartArray("entities");
                foreach (Entity e in entities)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", e.Span.Start);
                    w.WriteNumber("end", e.Span.End);
                    w.WriteString("type", e.Type.ToLabel());
                    w.WriteNumber("confidence", e.Confidence);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            count++;
        }

        return count;
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
