using System;
using System.Buffers;
using System.Collections.Generic;

namespace QuoteExtract.Quotes;

/// <summary>One paragraph's part of a quotation between marks.</summary>
/// <param name="Open">Index of the opening mark token.</param>
/// <param name="Close">Index of the closing mark token, or -1 when the paragraph ends with the quote still open.</param>
/// <param name="Content">The text between the marks (or to the paragraph's end), trimmed of spaces.</param>
/// <param name="Paragraph">The paragraph index.</param>
internal readonly record struct MarkedSegment(int Open, int Close, TextSpan Content, int Paragraph);

/// <summary>A quotation found by pairing marks: one segment per paragraph.</summary>
internal sealed class MarkedQuote(List<MarkedSegment> segments, bool closed)
{
    public List<MarkedSegment> Segments { get; } = segments;

    /// <summary>False when no closing mark was found before the quote had to end.</summary>
    public bool Closed { get; set; } = closed;

    public MarkedSegment First => Segments[0];

    public MarkedSegment Last => Segments[^1];
}

/// <summary>
/// Pairs quote marks into quotations. Marks pair by style (single ‘ ’ ' or double “ ” " „ « »); an inner
/// quotation of the other style (or the same) is part of the outer one. A quotation open at a
/// paragraph's end goes on when a following paragraph opens with the same style of mark — after at
/// most <see cref="MaxInterruptions"/> interrupting paragraphs (captions, stray lines) — as news style
/// writes quotes of several paragraphs. One pass over the tokens: linear.
/// </summary>
internal static class QuoteMarkPairer
{
    /// <summary>How many caption-like paragraphs may interrupt a quotation of several paragraphs.</summary>
    private const int MaxInterruptions = 2;

    private enum Style : byte
    {
        Single,
        Double,
    }

    /// <summary>An open mark; <paramref name="PreviousSameStyle"/> links to the open mark of its style below it (-1: none).</summary>
    private readonly record struct OpenMark(int Token, Style Style, int PreviousSameStyle);

    /// <summary>A stack of open marks that finds the topmost of a style in constant time.</summary>
    private sealed class MarkStack
    {
        private readonly List<OpenMark> _marks = [];
        private readonly int[] _top = [-1, -1];

        public int Count => _marks.Count;

        public OpenMark this[int index] => _marks[index];

        public void Clear()
        {
            _marks.Clear();
            _top[0] = _top[1] = -1;
        }

        public void Push(int token, Style style)
        {
            _marks.Add(new OpenMark(token, style, _top[(int)style]));
            _top[(int)style] = _marks.Count - 1;
        }

        public int IndexOfStyle(Style style) => _top[(int)style];

        /// <summary>Removes the marks from <paramref name="index"/> up; each mark is removed once, so the walks are linear overall.</summary>
        public void RemoveFrom(int index)
        {
            for (int style = 0; style < 2; style++)
            {
                int top = _top[style];
                while (top >= index)
                {
                    top = _marks[top].PreviousSameStyle;
                }

                _top[style] = top;
            }

            _marks.RemoveRange(index, _marks.Count - index);
        }
    }

    public static List<MarkedQuote> Pair(SegmentedText text)
    {
        // Per token, filled a paragraph at a time before it is read: a rented buffer, whatever it held before.
        int[] laterSingleClose = ArrayPool<int>.Shared.Rent(text.Tokens.Length);
        try
        {
            return Pair(text, laterSingleClose);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(laterSingleClose);
        }
    }

    private static List<MarkedQuote> Pair(SegmentedText text, int[] laterSingleClose)
    {
        var result = new List<MarkedQuote>();
        ReadOnlySpan<Token> tokens = text.Tokens.AsSpan();
        ReadOnlySpan<char> chars = text.Text.AsSpan();
        var stack = new MarkStack();
        MarkedQuote? carry = null;
        Style carryStyle = Style.Single;
        int interruptions = 0;

        for (int p = 0; p < text.Paragraphs.Length; p++)
        {
            Paragraph paragraph = text.Paragraphs[p];
            int first = paragraph.FirstToken;
            int end = paragraph.EndToken;
            if (first >= end)
            {
                continue;
            }

            stack.Clear();
            if (carry is not null)
            {
                Token head = tokens[first];
                if (head.Kind is TokenKind.OpeningQuote or TokenKind.AmbiguousQuote && StyleOf(chars, head) == carryStyle)
                {
                    stack.Push(first, carryStyle);
                    interruptions = 0;
                }
                else if (interruptions < MaxInterruptions && LooksLikeInterruption(chars, tokens, paragraph))
                {
                    interruptions++;
                }
                else
                {
                    result.Add(carry);
                    carry = null;
                }
            }

            MarkLaterClosings(chars, tokens, first, end, laterSingleClose);
            int startMark = carry is not null && stack.Count == 1 ? first + 1 : first;
            for (int t = startMark; t < end; t++)
            {
                Token token = tokens[t];
                if (!token.IsQuoteMark)
                {
                    continue;
                }

                Style style = StyleOf(chars, token);
                bool opens = token.Kind == TokenKind.OpeningQuote;
                bool closes = token.Kind == TokenKind.ClosingQuote;
                if (token.Kind == TokenKind.AmbiguousQuote)
                {
                    bool hasOpen = stack.IndexOfStyle(style) >= 0;
                    if (style == Style.Double)
                    {
                        closes = hasOpen;
                        opens = !hasOpen;
                    }
                    else
                    {
                        // A word-final ’ closes only when no plain closing mark follows before the next opening one.
                        closes = hasOpen && laterSingleClose[t] == 0;
                    }
                }

                if (stack.IndexOfStyle(style) < 0 && ClosesOtherStyle(chars, tokens, t, end) is var other
                    && stack.IndexOfStyle(other) >= 0 && other != style)
                {
                    // ‘We will win," he said / "We will win,’ he said: scraped and converted text mixes styles;
                    // a mark right after the quote's last punctuation closes the open quote of the other style.
                    style = other;
                    opens = false;
                    closes = true;
                }

                if (opens)
                {
                    stack.Push(t, style);
                    continue;
                }

                if (!closes)
                {
                    continue;
                }

                int index = stack.IndexOfStyle(style);
                if (index < 0)
                {
                    continue; // a stray closing mark or an apostrophe
                }

                OpenMark open = stack[index];
                stack.RemoveFrom(index);
                if (index > 0)
                {
                    continue; // an inner quotation is part of the outer one
                }

                var segment = new MarkedSegment(open.Token, t, Trim(chars, tokens[open.Token].End, token.Start), p);
                if (carry is not null && open.Token == first)
                {
                    carry.Segments.Add(segment);
                    carry.Closed = true;
                    result.Add(carry);
                    carry = null;
                }
                else
                {
                    result.Add(new MarkedQuote([segment], closed: true));
                }
            }

            if (stack.Count > 0)
            {
                OpenMark open = stack[0];
                var segment = new MarkedSegment(open.Token, -1, Trim(chars, tokens[open.Token].End, paragraph.End), p);
                if (carry is not null && open.Token == first)
                {
                    carry.Segments.Add(segment);
                }
                else
                {
                    if (carry is not null)
                    {
                        result.Add(carry);
                    }

                    carry = new MarkedQuote([segment], closed: false);
                    carryStyle = open.Style;
                    interruptions = 0;
                }
            }
            else if (carry is not null && interruptions == 0)
            {
                result.Add(carry);
                carry = null;
            }
        }

        if (carry is not null)
        {
            result.Add(carry);
        }

        result.RemoveAll(q => q.Segments.TrueForAll(s => s.Content.Length == 0));
        result.Sort((a, b) => a.First.Open.CompareTo(b.First.Open));
        return result;
    }

    /// <summary>
    /// For a mark in closing position (glued to the word or punctuation before it, and followed by a space,
    /// punctuation or the paragraph's end): the other style than its own, the style it may close. A mark
    /// after , . ! ? always may; after a word, only a straight ". Otherwise its own style (nothing to do).
    /// </summary>
    private static Style ClosesOtherStyle(ReadOnlySpan<char> chars, ReadOnlySpan<Token> tokens, int t, int end)
    {
        Token mark = tokens[t];
        Style own = StyleOf(chars, mark);
        if (t == 0 || mark.Length != 1 || tokens[t - 1].End != mark.Start)
        {
            return own;
        }

        bool closingShape = t + 1 >= end || tokens[t + 1].Start > mark.End || tokens[t + 1].Kind == TokenKind.Punctuation;
        if (!closingShape)
        {
            return own;
        }

        Style other = own == Style.Single ? Style.Double : Style.Single;
        char before = chars[mark.Start - 1];
        if (tokens[t - 1].Length == 1 && before is ',' or '.' or '!' or '?')
        {
            return other;
        }

        // After a word only a straight " may (‘no evidence" yet); a ’ there is too often an apostrophe.
        return char.IsLetterOrDigit(before) && chars[mark.Start] == '"' ? other : own;
    }

    private static Style StyleOf(ReadOnlySpan<char> chars, Token mark) => mark.Length == 2 ? Style.Double : StyleOf(chars[mark.Start]);

    private static Style StyleOf(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' ? Style.Single : Style.Double;

    /// <summary>
    /// For each single mark in [first, end): 1 when a plain closing single mark comes later in the
    /// paragraph before any opening single mark, else 0. Filled right to left: linear.
    /// </summary>
    private static void MarkLaterClosings(ReadOnlySpan<char> chars, ReadOnlySpan<Token> tokens, int first, int end, int[] later)
    {
        int seen = 0;
        for (int t = end - 1; t >= first; t--)
        {
            later[t] = seen;
            Token token = tokens[t];
            if (!token.IsQuoteMark || StyleOf(chars, token) != Style.Single)
            {
                continue;
            }

            if (token.Kind == TokenKind.ClosingQuote)
            {
                seen = 1;
            }
            else if (token.Kind == TokenKind.OpeningQuote)
            {
                seen = 0;
            }
        }
    }

    /// <summary>A caption or stray line: no closing punctuation at its end, or a short line.</summary>
    private static bool LooksLikeInterruption(ReadOnlySpan<char> chars, ReadOnlySpan<Token> tokens, Paragraph paragraph)
    {
        Token last = tokens[paragraph.EndToken - 1];
        char c = chars[last.Start];
        bool terminal = last.Kind is TokenKind.ClosingQuote or TokenKind.AmbiguousQuote || c is '.' or '!' or '?' or ':';
        return !terminal;
    }

    private static TextSpan Trim(ReadOnlySpan<char> chars, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(chars[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(chars[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}
