using System;
using System.Collections.Generic;
using System.Text.Json;

namespace QuoteExtract.Cli.Eval;

/// <summary>One PolNeAR article with its gold, derived as gold_for() in score_polnear.py derives it.</summary>
/// <param name="Id">str(doc["id"]).</param>
/// <param name="Text">The article text.</param>
/// <param name="Gold">Quoted segments and reported clauses, in code points (Python string indexes).</param>
/// <param name="Utf16ToCodePoint">utf16_to_cp(): turns a prediction's UTF-16 offset into a code-point index.</param>
internal sealed record PolnearArticle(string Id, string Text, GoldSet Gold, Func<int, int> Utf16ToCodePoint)
{
    /// <summary>
    /// Parses one gold line. Attribution contents inside “…” or "…" (the regex [“"]([^“”"]{2,}?)[”"] within the
    /// content, or a content right after an opening or before a closing mark) are quoted segments, the rest
    /// reported clauses. Only “ ” and " count as marks, as in the Python: see CliOptions (--uk) for what that
    /// means for single-quote texts.
    /// </summary>
    public static PolnearArticle Parse(JsonElement doc)
    {
        string id = EvalData.PyStr(doc, "id");
        if (id == "None")
        {
            throw new FormatException("missing \"id\"");
        }

        string text = EvalData.Required(doc, "text").GetString() ?? throw new FormatException("\"text\" must be a string");
        var t = new CodePointText(text);
        var quotes = new List<GoldSegment>();
        var reported = new List<GoldSegment>();
        if (EvalData.Required(doc, "attributions") is { ValueKind: JsonValueKind.Array } attributions)
        {
            foreach (JsonElement a in attributions.EnumerateArray())
            {
                IReadOnlyList<OffsetRange> source = EvalData.Pairs(a, "source");
                var parts = new string[source.Count];
                for (int i = 0; i < parts.Length; i++)
                {
                    parts[i] = t.Slice(source[i].Start, source[i].End);
                }

                string speaker = PyText.Strip(string.Join(" ", parts));
                string[] aliases = speaker.Length == 0 || QuoteScorer.IsPronoun(PyText.Lower(speaker)) ? [] : [speaker];
                foreach (OffsetRange content in EvalData.Pairs(a, "content"))
                {
                    AddContent(t, content, new GoldSegment(content, aliases, source, source.Count > 0), quotes, reported);
                }
            }
        }

        return new PolnearArticle(id, text, new GoldSet(quotes, reported), t.Utf16ToCodePoint);
    }

    private static void AddContent(CodePointText t, OffsetRange content, GoldSegment item, List<GoldSegment> quotes, List<GoldSegment> reported)
    {
        (int s, int e) = (content.Start, content.End);
        (int a, int b) = t.SliceBounds(s, e);
        bool found = false;

        // re.finditer(r"[“\"]([^“”\"]{2,}?)[”\"]", seg): an opening mark, two or more characters without
        // marks, a closing mark; the lazy repetition can only stop at the first mark after the opening one.
        for (int p = a; p < b; p++)
        {
            if (t[p] is not ('“' or '"'))
            {
                continue;
            }

            int q = p + 1;
            while (q < b && t[q] is not ('“' or '”' or '"'))
            {
                q++;
            }

            if (q < b && t[q] is ('”' or '"') && q - (p + 1) >= 2)
            {
                quotes.Add(item with { Span = new OffsetRange(s + (p + 1 - a), s + (q - a)) });
                found = true;
                p = q;
            }
        }

        // t[s - 1:s] in ("“", '"') or t[e:e + 1] in ("”", '"'): content annotated inside the marks.
        if (!found && (t.Slice(s - 1, s) is "“" or "\"" || t.Slice(e, e + 1) is "”" or "\""))
        {
            quotes.Add(item);
            found = true;
        }

        if (!found)
        {
            reported.Add(item);
        }
    }

    /// <summary>A string indexed by code points, as Python indexes it.</summary>
    private sealed class CodePointText
    {
        private readonly string _text;
        private readonly int[] _starts; // UTF-16 offset of each code point, and the length at the end
        private readonly int[] _toCodePoint; // utf16_to_cp's table

        public CodePointText(string text)
        {
            _text = text;
            var starts = new List<int>(text.Length + 1);
            _toCodePoint = new int[text.Length + 1];
            for (int i = 0; i < text.Length; i++)
            {
                _toCodePoint[i] = starts.Count;
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    _toCodePoint[i + 1] = starts.Count;
                    starts.Add(i++);
                    continue;
                }

                starts.Add(i);
            }

            Length = starts.Count;
            _toCodePoint[text.Length] = Length;
            starts.Add(text.Length);
            _starts = starts.ToArray();
        }

        /// <summary>Number of code points.</summary>
        public int Length { get; }

        /// <summary>The first UTF-16 unit of code point <paramref name="index"/> (a high surrogate for an astral one: never a mark).</summary>
        public char this[int index] => _text[_starts[index]];

        /// <summary>Python's t[s:e] bounds: negative counts from the end, then clamped.</summary>
        public (int Start, int End) SliceBounds(int s, int e)
        {
            s = Math.Clamp(s < 0 ? s + Length : s, 0, Length);
            e = Math.Clamp(e < 0 ? e + Length : e, 0, Length);
            return (s, Math.Max(s, e));
        }

        public string Slice(int s, int e)
        {
            (s, e) = SliceBounds(s, e);
            return _text[_starts[s].._starts[e]];
        }

        /// <summary>m[x] if x &lt; len(m) else len(text), with Python's negative indexing.</summary>
        public int Utf16ToCodePoint(int x)
        {
            if (x < 0)
            {
                x += _toCodePoint.Length;
                return x >= 0 ? _toCodePoint[x] : throw new FormatException("a predicted offset is out of range");
            }

            return x < _toCodePoint.Length ? _toCodePoint[x] : Length;
        }
    }
}
