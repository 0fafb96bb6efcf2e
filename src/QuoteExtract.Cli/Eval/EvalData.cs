using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli.Eval;

/// <summary>Reads gold and prediction files the way the Python scorers read them (defaults included).</summary>
internal static class EvalData
{
    /// <summary>Seed-style gold (../shared/seed/soleimani-gold.json): "quotes" and optional "reported".</summary>
    public static GoldSet LoadSeedGold(string path)
    {
        using JsonDocument doc = ParseFile(path);
        return Guard(path, null, () => new GoldSet(
            ReadGoldSegments(Required(doc.RootElement, "quotes")),
            doc.RootElement.TryGetProperty("reported", out JsonElement reported) ? ReadGoldSegments(reported) : []));
    }

    /// <summary>score_quotes.py's PRED.json: an object with "quotes" (the --json output is one).</summary>
    public static IReadOnlyList<PredictedQuote> LoadSeedPredictions(string path)
    {
        using JsonDocument doc = ParseFile(path);
        return Guard(path, null, () => ReadQuotes(doc.RootElement));
    }

    /// <summary>--jsonl output, by id; a later line with the same id wins, as in score_polnear.py.</summary>
    public static Dictionary<string, IReadOnlyList<PredictedQuote>> LoadJsonLinesPredictions(string path)
    {
        var predictions = new Dictionary<string, IReadOnlyList<PredictedQuote>>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in ReadLines(path))
        {
            lineNumber++;
            if (PyText.Strip(line).Length == 0)
            {
                continue;
            }

            using JsonDocument doc = Parse(line, path, lineNumber);
            JsonElement root = doc.RootElement;
            predictions[PyStr(root, "id")] = Guard(path, lineNumber, () => ReadQuotes(root));
        }

        return predictions;
    }

    /// <summary>A prediction made in process, as the scorer would read it back from the --jsonl output.</summary>
    public static PredictedQuote FromJson(QuoteJson quote)
    {
        var segments = new OffsetRange[quote.Segments.Count];
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = new OffsetRange(quote.Segments[i].Start, quote.Segments[i].End);
        }

        PredictedSpeaker? speaker = quote.Speaker is { } s ? new PredictedSpeaker(s.Start, s.End, s.Text, s.Name) : null;
        return new PredictedQuote(new OffsetRange(quote.Start, quote.End), quote.Kind, segments, speaker);
    }

    /// <summary><c>str(obj.get(name))</c>: a string as it is, a number as written, "None" when absent or null.</summary>
    public static string PyStr(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out JsonElement value))
        {
            return "None";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => "None",
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => value.GetRawText(),
        };
    }

    public static JsonDocument Parse(string json, string path, int? lineNumber)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{Where(path, lineNumber)}: invalid JSON: {ex.Message}", ex);
        }
    }

    public static IEnumerable<string> ReadLines(string path)
    {
        StreamReader reader = CliApp.OpenFile(path);
        using (reader)
        {
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }

    /// <summary>Runs <paramref name="read"/>, turning a format error into a message that names the file and line.</summary>
    public static T Guard<T>(string path, int? lineNumber, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new CliInputException($"{Where(path, lineNumber)}: {ex.Message}", ex);
        }
    }

    public static JsonElement Required(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new FormatException($"missing \"{name}\"");

    public static int RequiredInt(JsonElement obj, string name) =>
        Required(obj, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out int value)
            ? value
            : throw new FormatException($"\"{name}\" must be a whole number");

    /// <summary>A list of [start, end] pairs; null or absent is empty (Python: <c>a.get(name) or []</c>).</summary>
    public static IReadOnlyList<OffsetRange> Pairs(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var pairs = new List<OffsetRange>();
        foreach (JsonElement pair in value.EnumerateArray())
        {
            if (pair.GetArrayLength() != 2)
            {
                throw new FormatException($"\"{name}\" must hold [start, end] pairs");
            }

            pairs.Add(new OffsetRange(pair[0].GetInt32(), pair[1].GetInt32()));
        }

        return pairs;
    }

    private static JsonDocument ParseFile(string path)
    {
        using StreamReader reader = CliApp.OpenFile(path);
        return Parse(reader.ReadToEnd(), path, null);
    }

    private static List<GoldSegment> ReadGoldSegments(JsonElement items)
    {
        var segments = new List<GoldSegment>();
        foreach (JsonElement g in items.EnumerateArray())
        {
            var aliases = new List<string>();
            if (g.TryGetProperty("speaker_aliases", out JsonElement a))
            {
                foreach (JsonElement alias in a.EnumerateArray())
                {
                    aliases.Add(alias.GetString() ?? throw new FormatException("a speaker alias is null"));
                }
            }

            bool hasSource = !g.TryGetProperty("has_source", out JsonElement h) || IsTruthy(h);
            segments.Add(new GoldSegment(new OffsetRange(RequiredInt(g, "start"), RequiredInt(g, "end")), aliases, Pairs(g, "speaker_spans"), hasSource));
        }

        return segments;
    }

    private static List<PredictedQuote> ReadQuotes(JsonElement prediction)
    {
        var quotes = new List<PredictedQuote>();
        if (!prediction.TryGetProperty("quotes", out JsonElement items))
        {
            return quotes;
        }

        foreach (JsonElement q in items.EnumerateArray())
        {
            string? kind = q.TryGetProperty("kind", out JsonElement k) ? (k.ValueKind == JsonValueKind.String ? k.GetString() : k.GetRawText()) : null;
            List<OffsetRange>? segments = null;
            if (q.TryGetProperty("segments", out JsonElement segs) && segs.ValueKind == JsonValueKind.Array)
            {
                segments = [];
                foreach (JsonElement s in segs.EnumerateArray())
                {
                    segments.Add(new OffsetRange(RequiredInt(s, "start"), RequiredInt(s, "end")));
                }
            }

            PredictedSpeaker? speaker = null;
            if (q.TryGetProperty("speaker", out JsonElement sp) && sp.ValueKind == JsonValueKind.Object)
            {
                speaker = new PredictedSpeaker(OptionalInt(sp, "start"), OptionalInt(sp, "end"), PyStrOrEmpty(sp, "text"), PyStrOrEmpty(sp, "name"));
            }

            quotes.Add(new PredictedQuote(new OffsetRange(RequiredInt(q, "start"), RequiredInt(q, "end")), kind, segments, speaker));
        }

        return quotes;
    }

    private static int? OptionalInt(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    /// <summary><c>str(obj.get(name) or "")</c>.</summary>
    private static string PyStrOrEmpty(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement v) && IsTruthy(v) ? PyStr(obj, name) : "";

    /// <summary>Python truthiness of a JSON value.</summary>
    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().MoveNext(),
        _ => true,
    };

    private static string Where(string path, int? lineNumber) =>
        lineNumber is int n ? $"{path} line {n.ToString(CultureInfo.InvariantCulture)}" : path;
}
