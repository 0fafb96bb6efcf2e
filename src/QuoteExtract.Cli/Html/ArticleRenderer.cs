using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli.Html;

/// <summary>
/// The article's paragraphs with quotes, speaker mentions and entities as nested elements. The marks may
/// nest or cross (a mixed quote inside a reported clause, an entity inside a speaker phrase): the text is cut
/// at every mark boundary, and each piece is wrapped in the marks that cover it, outermost first (earlier
/// start, then longer, then quote before mention before entity). Between pieces only the elements that
/// change are closed and opened, so a crossing mark is split and everything else stays one element.
/// </summary>
internal sealed class ArticleRenderer(Analysis analysis, HtmlView.SpeakerTable speakers, HtmlWriter html)
{
    private enum MarkKind
    {
        // A boilerplate line (byline, credit, dateline) is outermost: what it holds is marked inside it.
        Boilerplate,
        Quote,
        Mention,
        Entity,
    }

    /// <summary>A marked range; <see cref="Index"/> points into the quotes, mentions or entities; <see cref="Part"/> numbers a quote's segments.</summary>
    private readonly record struct Mark(int Start, int End, MarkKind Kind, int Index, int Part) : IComparable<Mark>
    {
        public int CompareTo(Mark other)
        {
            int c = Start.CompareTo(other.Start);
            c = c != 0 ? c : other.End.CompareTo(End);
            c = c != 0 ? c : Kind.CompareTo(other.Kind);
            c = c != 0 ? c : Index.CompareTo(other.Index);
            return c != 0 ? c : Part.CompareTo(other.Part);
        }
    }

    /// <summary>A speaker mention and the quotes it speaks.</summary>
    private sealed record Mention(TextSpan Span, HtmlView.SpeakerEntry Speaker, List<int> Quotes);

    private readonly string _text = analysis.Text;
    private readonly List<Mention> _mentions = [];
    private readonly Dictionary<int, List<(int Quote, bool Continued)>> _paragraphQuotes = [];
    private readonly HashSet<Mark> _opened = [];

    public void Render()
    {
        List<Mark> marks = CollectMarks();
        marks.Sort();
        int[] boundaries = Boundaries(marks);
        var active = new List<Mark>();
        var open = new List<Mark>();
        int next = 0;
        int p = -1;
        Paragraph? paragraph = null;
        for (int k = 0; k + 1 < boundaries.Length; k++)
        {
            int at = boundaries[k];
            active.RemoveAll(m => m.End <= at);
            while (next < marks.Count && marks[next].Start <= at)
            {
                active.Add(marks[next++]);
            }

            active.Sort();
            if (paragraph is { } current && at >= current.Start + current.Length)
            {
                Close(open, 0, at);
                html.Raw("</p>\n");
                paragraph = null;
            }

            if (paragraph is null)
            {
                while (p + 1 < analysis.Paragraphs.Length && analysis.Paragraphs[p + 1].Start <= at)
                {
                    p++;
                    if (analysis.Paragraphs[p].Start + analysis.Paragraphs[p].Length > at)
                    {
                        paragraph = analysis.Paragraphs[p];
                        OpenParagraph(p, paragraph.Value);
                        break;
                    }
                }

                if (paragraph is null)
                {
                    continue; // the blank space between paragraphs
                }
            }

            int same = 0;
            while (same < open.Count && same < active.Count && open[same].Equals(active[same]))
            {
                same++;
            }

            Close(open, same, at);
            for (int i = same; i < active.Count; i++)
            {
                OpenMark(active[i]);
                open.Add(active[i]);
            }

            html.Text(_text.AsSpan(at, boundaries[k + 1] - at));
        }

        if (paragraph is not null)
        {
            Close(open, 0, _text.Length);
            html.Raw("</p>\n");
        }
    }

    private List<Mark> CollectMarks()
    {
        var marks = new List<Mark>();
        var mentionIndex = new Dictionary<TextSpan, int>();
        for (int q = 0; q < analysis.Quotes.Count; q++)
        {
            Quote quote = analysis.Quotes[q];
            ImmutableArray<TextSpan> segments = Segments(quote);
            for (int s = 0; s < segments.Length; s++)
            {
                (int start, int end) = WithQuoteMarks(segments[s], quote.Kind);
                marks.Add(new Mark(start, end, MarkKind.Quote, q, s));
                AddToParagraph(segments[s].Start, q, continued: s > 0);
            }

            if (quote.Speaker is { } speaker && speaker.Span.Length > 0)
            {
                if (!mentionIndex.TryGetValue(speaker.Span, out int m))
                {
                    m = _mentions.Count;
                    mentionIndex.Add(speaker.Span, m);
                    _mentions.Add(new Mention(speaker.Span, speakers.For(quote), []));
                    marks.Add(new Mark(speaker.Span.Start, speaker.Span.End, MarkKind.Mention, m, 0));
                }

                _mentions[m].Quotes.Add(q);
            }
        }

        for (int e = 0; e < analysis.Entities.Count; e++)
        {
            TextSpan span = analysis.Entities[e].Span;
            if (span.Length > 0)
            {
                marks.Add(new Mark(span.Start, span.End, MarkKind.Entity, e, 0));
            }
        }

        foreach (TextSpan span in analysis.Boilerplate)
        {
            marks.Add(new Mark(span.Start, span.End, MarkKind.Boilerplate, 0, 0));
        }

        // Clip to the text: the view must not fail on a library result it does not expect.
        marks.RemoveAll(m => m.Start < 0 || m.End > _text.Length || m.Start >= m.End);
        return marks;
    }

    private static ImmutableArray<TextSpan> Segments(Quote quote) => quote.Segments.IsDefaultOrEmpty ? [quote.Span] : quote.Segments;

    /// <summary>Notes that quote <paramref name="q"/> has a segment starting at <paramref name="start"/> (the first, or one that continues it), in whichever paragraph holds it.</summary>
    private void AddToParagraph(int start, int q, bool continued)
    {
        ImmutableArray<Paragraph> paragraphs = analysis.Paragraphs;
        int lo = 0, hi = paragraphs.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (paragraphs[mid].Start <= start)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return;
        }

        if (!_paragraphQuotes.TryGetValue(found, out List<(int, bool)>? quotes))
        {
            _paragraphQuotes.Add(found, quotes = []);
        }

        quotes.Add((q, continued));
    }

    /// <summary>A direct or mixed quote's tint takes in the quote marks right around it.</summary>
    private (int Start, int End) WithQuoteMarks(TextSpan segment, QuoteKind kind)
    {
        int start = segment.Start, end = segment.End;
        if (kind != QuoteKind.Indirect)
        {
            if (start > 0 && IsQuoteMark(_text[start - 1]))
            {
                start--;
            }

            if (end < _text.Length && IsQuoteMark(_text[end]))
            {
                end++;
            }
        }

        return (start, end);
    }

    private static bool IsQuoteMark(char c) => c is '“' or '”' or '‘' or '’' or '"' or '\'' or '«' or '»' or '„' or '‚' or '‹' or '›';

    /// <summary>Every mark's start and end and every paragraph's, sorted and distinct.</summary>
    private int[] Boundaries(List<Mark> marks)
    {
        var points = new List<int>(marks.Count * 2 + analysis.Paragraphs.Length * 2 + 2) { 0, _text.Length };
        foreach (Mark m in marks)
        {
            points.Add(m.Start);
            points.Add(m.End);
        }

        foreach (Paragraph p in analysis.Paragraphs)
        {
            points.Add(p.Start);
            points.Add(p.Start + p.Length);
        }

        points.Sort();
        return points.Distinct().ToArray();
    }

    /// <summary>
    /// The paragraph tag; a paragraph with quotes gets its speakers' labels in the margin, faint for a speaker
    /// whose quotes here only continue from an earlier paragraph.
    /// </summary>
    private void OpenParagraph(int index, Paragraph paragraph)
    {
        var bySpeaker = new List<(HtmlView.SpeakerEntry Speaker, List<int> Quotes, bool Continued)>();
        foreach ((int q, bool continued) in _paragraphQuotes.GetValueOrDefault(index) ?? [])
        {
            HtmlView.SpeakerEntry speaker = speakers.For(analysis.Quotes[q]);
            int at = bySpeaker.FindIndex(x => x.Speaker == speaker);
            if (at < 0)
            {
                bySpeaker.Add((speaker, [], true));
                at = bySpeaker.Count - 1;
            }

            bySpeaker[at].Quotes.Add(q);
            bySpeaker[at] = bySpeaker[at] with { Continued = bySpeaker[at].Continued && continued };
        }

        html.Raw("<p id=\"p").Raw(HtmlView.Number(index)).Raw("\"");
        if (bySpeaker.Count > 0)
        {
            html.Raw(" class=\"has-q ").Raw(bySpeaker[0].Speaker.CssClass).Raw("\"><span class=\"who\">");
            foreach ((HtmlView.SpeakerEntry speaker, List<int> quotes, bool continued) in bySpeaker)
            {
                html.Raw(continued ? "<span class=\"chip cont " : "<span class=\"chip ").Raw(speaker.CssClass).Raw("\" data-q=\"").Raw(string.Join(' ', quotes)).Raw("\">")
                    .Text(speaker.Name ?? "speaker unknown").Raw("</span>");
            }

            html.Raw("</span>");
        }
        else
        {
            html.Raw(index == 0 && LooksLikeHeadline(paragraph) ? " class=\"headline\">" : ">");
        }
    }

    /// <summary>A short first paragraph that does not end like a sentence is the headline.</summary>
    private bool LooksLikeHeadline(Paragraph paragraph) =>
        paragraph.Length <= 150 && _text[paragraph.Start + paragraph.Length - 1] is not ('.' or '!' or '?' or ':' or ';' or ',' or '"' or '”' or '’' or '\'' or '…');

    private void OpenMark(Mark mark)
    {
        switch (mark.Kind)
        {
            case MarkKind.Quote:
                Quote quote = analysis.Quotes[mark.Index];
                HtmlView.SpeakerEntry speaker = speakers.For(quote);
                string q = HtmlView.Number(mark.Index);
                html.Raw("<span class=\"q").Raw(quote.Kind == QuoteKind.Indirect ? " q-indirect " : " ").Raw(speaker.CssClass).Raw("\" data-q=\"").Raw(q).Raw("\"");
                if (mark.Part == 0 && !IsReopened(mark))
                {
                    html.Raw(" id=\"q").Raw(q).Raw("\"");
                }

                html.Raw(" title=\"").Text(Describe(quote)).Raw("\">");
                break;
            case MarkKind.Boilerplate:
                html.Raw("<span class=\"bp\" title=\"boilerplate (byline, credit, dateline, footer): its names speak no quote and are no one's group\">");
                break;
            case MarkKind.Mention:
                Mention mention = _mentions[mark.Index];
                html.Raw("<span class=\"m ").Raw(mention.Speaker.CssClass).Raw("\" data-q=\"").Raw(string.Join(' ', mention.Quotes)).Raw("\" title=\"")
                    .Text(mention.Speaker.Name is { } name ? "speaker: " + name : "speaker").Raw("\">");
                break;
            default:
                string label = analysis.Entities[mark.Index].Type.ToLabel();
                html.Raw("<mark class=\"ent e-").Raw(label.ToLowerInvariant()).Raw("\" title=\"").Text(label).Raw(": ").Text(analysis.Entities[mark.Index].Name).Raw("\">");
                break;
        }

        _opened.Add(mark);
    }

    /// <summary>True when an element for this mark was written before (the mark is split by a crossing one): the id goes on the first only.</summary>
    private bool IsReopened(Mark mark) => _opened.Contains(mark);

    /// <summary>Closes the open elements from the top down to <paramref name="keep"/>; an entity that ends here gets its label.</summary>
    private void Close(List<Mark> open, int keep, int at)
    {
        for (int i = open.Count - 1; i >= keep; i--)
        {
            Mark mark = open[i];
            if (mark.Kind == MarkKind.Entity)
            {
                if (mark.End <= at)
                {
                    html.Raw("<span class=\"ent-l\">").Text(analysis.Entities[mark.Index].Type.ToLabel()).Raw("</span>");
                }

                html.Raw("</mark>");
            }
            else
            {
                html.Raw("</span>");
            }

            open.RemoveAt(i);
        }
    }

    /// <summary>The tooltip of a quote: speaker (and mention), cue and kind.</summary>
    private static string Describe(Quote quote)
    {
        string who = TextCommands.DescribeSpeaker(quote.Speaker);
        return quote.Cue is { } cue ? $"{who} · {cue.Text} · {AnalysisMapper.KindName(quote.Kind)}" : $"{who} · {AnalysisMapper.KindName(quote.Kind)}";
    }
}
