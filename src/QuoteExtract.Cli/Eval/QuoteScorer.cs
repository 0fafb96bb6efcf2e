using System;
using System.Collections.Generic;
using System.Text;

namespace QuoteExtract.Cli.Eval;

/// <summary>A half-open range of offsets (UTF-16 code units or code points, as the caller decides).</summary>
internal readonly record struct OffsetRange(int Start, int End);

/// <summary>A gold quoted segment or reported clause, as score_quotes.py reads it.</summary>
/// <param name="Span">The segment.</param>
/// <param name="Aliases">Any of these in the predicted speaker's name or text counts as right.</param>
/// <param name="SpeakerSpans">A predicted speaker mention overlapping one of these counts as right.</param>
/// <param name="HasSource">False when the gold has no speaker: the segment then does not count for attribution.</param>
internal sealed record GoldSegment(OffsetRange Span, IReadOnlyList<string> Aliases, IReadOnlyList<OffsetRange> SpeakerSpans, bool HasSource);

/// <summary>The gold of one text: quoted segments and reported clauses.</summary>
internal sealed record GoldSet(IReadOnlyList<GoldSegment> Quotes, IReadOnlyList<GoldSegment> Reported);

/// <summary>A predicted speaker; the offsets are null when the prediction has none.</summary>
internal sealed record PredictedSpeaker(int? Start, int? End, string? Text, string? Name);

/// <summary>A predicted quote, as score_quotes.py reads it.</summary>
/// <param name="Span">start and end.</param>
/// <param name="Kind">The kind as given; null when absent (the scorer then takes it as direct).</param>
/// <param name="Segments">The segments as given; null when absent.</param>
/// <param name="Speaker">The speaker; null when absent, null or empty.</param>
internal sealed record PredictedQuote(OffsetRange Span, string? Kind, IReadOnlyList<OffsetRange>? Segments, PredictedSpeaker? Speaker)
{
    public bool IsIndirect => Kind == "indirect";

    /// <summary>The segments, or the whole span when there are none (Python: <c>q.get("segments") or [...]</c>).</summary>
    public IReadOnlyList<OffsetRange> ScoredSegments => Segments is { Count: > 0 } ? Segments : [Span];

    /// <summary>The same prediction with every offset passed through <paramref name="convert"/>.</summary>
    public PredictedQuote MapOffsets(Func<int, int> convert)
    {
        OffsetRange[]? segments = null;
        if (Segments is not null)
        {
            segments = new OffsetRange[Segments.Count];
            for (int i = 0; i < segments.Length; i++)
            {
                segments[i] = new OffsetRange(convert(Segments[i].Start), convert(Segments[i].End));
            }
        }

        PredictedSpeaker? speaker = Speaker is { Start: int s, End: int e } ? Speaker with { Start = convert(s), End = convert(e) } : Speaker;
        return new PredictedQuote(new OffsetRange(convert(Span.Start), convert(Span.End)), Kind, segments, speaker);
    }
}

/// <summary>The raw counts of one score, summed over documents for PolNeAR.</summary>
internal readonly record struct ScoreCounts(int Gold, int Predicted, int Found, int CorrectPredicted, int Attributed, int WithSource)
{
    public static ScoreCounts operator +(ScoreCounts a, ScoreCounts b) => new(
        a.Gold + b.Gold,
        a.Predicted + b.Predicted,
        a.Found + b.Found,
        a.CorrectPredicted + b.CorrectPredicted,
        a.Attributed + b.Attributed,
        a.WithSource + b.WithSource);

    public double Precision => Predicted != 0 ? (double)CorrectPredicted / Predicted : 0.0;

    public double Recall => Gold != 0 ? (double)Found / Gold : 0.0;

    public double AttributionAccuracy => WithSource != 0 ? (double)Attributed / WithSource : 0.0;

    /// <summary>F1 of precision and recall, attribution aside.</summary>
    public double SpanF1 => F1(Precision, Recall);

    /// <summary>F1 of precision × attribution and recall × attribution.</summary>
    public double EndToEndF1 => F1(Precision * AttributionAccuracy, Recall * AttributionAccuracy);

    // Same operations in the same order as the Python, so that the doubles are the same to the bit.
    private static double F1(double p, double r) => p + r != 0 ? 2 * p * r / (p + r) : 0.0;
}

/// <summary>
/// score() of ../shared/eval/score_quotes.py, line for line: the numbers must agree with the Python to the
/// last digit, so the quirks are kept (the first matching prediction is the hit; a prediction without a
/// kind counts as direct; an empty segment list falls back to start/end).
/// </summary>
internal static class QuoteScorer
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "him", "them", "us", "me",
    };

    public static bool IsPronoun(string lowered) => Pronouns.Contains(lowered);

    /// <summary>Scores the predictions of one text: (quoted, reported).</summary>
    public static (ScoreCounts Quoted, ScoreCounts Reported) Score(GoldSet gold, IReadOnlyList<PredictedQuote> predictions)
    {
        var direct = new List<PredictedQuote>();
        var indirect = new List<PredictedQuote>();
        foreach (PredictedQuote p in predictions)
        {
            (p.IsIndirect ? indirect : direct).Add(p);
        }

        return (Count(gold.Quotes, direct), Count(gold.Reported, indirect));
    }

    private static ScoreCounts Count(IReadOnlyList<GoldSegment> gold, List<PredictedQuote> predicted)
    {
        int found = 0, attributed = 0, withSource = 0;
        foreach (GoldSegment g in gold)
        {
            PredictedQuote? hit = predicted.Find(p => OverlapsAny(g.Span, p));
            if (hit is null)
            {
                continue;
            }

            found++;
            if (g.HasSource)
            {
                withSource++;
                attributed += SpeakerOk(hit, g) ? 1 : 0;
            }
        }

        int correct = 0;
        foreach (PredictedQuote p in predicted)
        {
            foreach (GoldSegment g in gold)
            {
                if (OverlapsAny(g.Span, p))
                {
                    correct++;
                    break;
                }
            }
        }

        return new ScoreCounts(gold.Count, predicted.Count, found, correct, attributed, withSource);
    }

    private static bool OverlapsAny(OffsetRange gold, PredictedQuote p)
    {
        foreach (OffsetRange s in p.ScoredSegments)
        {
            if (Overlaps(gold, s))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>They share at least half of the longer of the two.</summary>
    public static bool Overlaps(OffsetRange a, OffsetRange b)
    {
        long overlap = (long)Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
        return overlap > 0 && overlap >= 0.5 * Math.Max((long)a.End - a.Start, (long)b.End - b.Start);
    }

    /// <summary>
    /// The speaker mention overlaps a gold speaker span, or the speaker's name or text (lower case, non-breaking
    /// spaces as spaces) contains a gold alias; a bare pronoun never counts.
    /// </summary>
    public static bool SpeakerOk(PredictedQuote prediction, GoldSegment gold)
    {
        PredictedSpeaker? sp = prediction.Speaker;
        if (sp is { Start: int start, End: int end })
        {
            foreach (OffsetRange g in gold.SpeakerSpans)
            {
                if (Math.Min(g.End, end) - Math.Max(g.Start, start) > 0)
                {
                    return true;
                }
            }
        }

        string hay = Normalize((sp?.Name ?? "") + " | " + (sp?.Text ?? ""));
        string bare = hay.Trim(' ', '|');
        if (bare.Length == 0 || Pronouns.Contains(bare))
        {
            return false;
        }

        foreach (string alias in gold.Aliases)
        {
            if (hay.Contains(Normalize(alias), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string s) => PyText.Lower(s).Replace('\u00a0', ' ');
}

/// <summary>Python's str methods where .NET's differ.</summary>
internal static class PyText
{
    /// <summary>
    /// str.lower(): .NET's invariant simple case mapping plus Python's two special cases, İ → i̇ and a
    /// word-final Σ → ς.
    /// </summary>
    public static string Lower(string s)
    {
        string lower = s.ToLowerInvariant();
        if (s.AsSpan().IndexOfAny('\u0130', '\u03a3') < 0)
        {
            return lower;
        }

        var sb = new StringBuilder(s.Length + 4);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\u0130')
            {
                sb.Append("i\u0307");
            }
            else if (c == '\u03a3')
            {
                bool final = i > 0 && char.IsLetter(s[i - 1]) && !(i + 1 < s.Length && char.IsLetter(s[i + 1]));
                sb.Append(final ? '\u03c2' : '\u03c3');
            }
            else
            {
                sb.Append(lower[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>str.strip(): str.isspace() differs from char.IsWhiteSpace by U+001C to U+001F.</summary>
    public static string Strip(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsSpace(s[a]))
        {
            a++;
        }

        while (b > a && IsSpace(s[b - 1]))
        {
            b--;
        }

        return s[a..b];
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';
}
