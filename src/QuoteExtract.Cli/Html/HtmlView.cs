using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli.Html;

/// <summary>
/// --html: an analysed article as one self-contained HTML page (inline CSS and script, no fonts, images or
/// requests). Each quote is tinted in its speaker's colour and labelled with the speaker in the margin; the
/// speaker's mention is underlined in the same colour; entities are marked with their type; a side list
/// gives the speakers with their quotes. Hovering a quote, a mention or a speaker lights up the others.
/// Every piece of text is HTML-escaped.
/// </summary>
internal static class HtmlView
{
    /// <summary>Speaker colours, the most distinct first; later speakers get hues a golden angle apart.</summary>
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e8700e", "#0f9bab", "#c2408f", "#8c564b", "#7f8a12"];

    private const string UnknownColour = "#8a8a8a";

    private const int SideQuoteLength = 140;

    /// <summary>Writes the page for <paramref name="analysis"/>; <paramref name="title"/> names the article (a file name).</summary>
    public static void Write(string title, Analysis analysis, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var speakers = SpeakerTable.Build(analysis);
        var html = new HtmlWriter(output);
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        // Belt and braces for "self-contained": the page may load nothing from anywhere.
        html.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\" />\n");
        html.Raw("<title>").Text(title).Raw(" · quote-extract</title>\n<style>\n").Raw(Css).Raw(speakers.Css()).Raw("</style>\n</head>\n<body>\n");
        WriteHeader(html, title, analysis, speakers);
        html.Raw("<main>\n<article>\n");
        new ArticleRenderer(analysis, speakers, html).Render();
        html.Raw("</article>\n<aside>\n");
        WriteSideList(html, analysis, speakers);
        html.Raw("</aside>\n</main>\n<script>\n").Raw(Script).Raw("</script>\n</body>\n</html>\n");
    }

    private static void WriteHeader(HtmlWriter html, string title, Analysis analysis, SpeakerTable speakers)
    {
        html.Raw("<header>\n<h1>").Text(title).Raw("</h1>\n<p class=\"stats\">");
        html.Text(Count(analysis.Quotes.Count, "quote")).Raw(" · ").Text(Count(speakers.Count(s => s.Name is not null), "speaker"))
            .Raw(" · ").Text(Count(analysis.Entities.Count, "entity", "entities")).Raw("</p>\n");
        html.Raw("<p class=\"legend\"><span class=\"q su\">“direct or mixed quote”</span> <span class=\"q q-indirect su\">indirect quote</span> ");
        html.Raw("<span class=\"m su\">speaker mention</span>");
        foreach (EntityType type in Enum.GetValues<EntityType>())
        {
            string label = type.ToLabel();
            html.Raw(" <mark class=\"ent e-").Raw(label.ToLowerInvariant()).Raw("\">").Text(TypeName(type)).Raw("<span class=\"ent-l\">").Text(label).Raw("</span></mark>");
        }

        html.Raw("</p>\n</header>\n");
    }

    private static void WriteSideList(HtmlWriter html, Analysis analysis, SpeakerTable speakers)
    {
        html.Raw("<h2>Speakers</h2>\n");
        if (speakers.Count == 0)
        {
            html.Raw("<p class=\"none\">No quotes were found.</p>\n");
        }

        foreach (SpeakerEntry speaker in speakers)
        {
            html.Raw("<section class=\"person ").Raw(speaker.CssClass).Raw("\" data-q=\"").Raw(string.Join(' ', speaker.Quotes)).Raw("\">\n<h3><span class=\"dot\"></span>");
            html.Text(speaker.Name ?? "Unknown speaker");
            if (speaker.Type is { } type)
            {
                html.Raw(" <span class=\"badge\">").Text(type.ToLabel()).Raw("</span>");
            }

            if (analysis.People.FirstOrDefault(p => p.Name == speaker.Name) is { Gender: not PersonGender.Unknown } person)
            {
                html.Raw(" <span class=\"badge\">").Text(AnalysisMapper.GenderName(person.Gender)).Raw("</span>");
            }

            html.Raw(" <span class=\"count\">").Text(Count(speaker.Quotes.Count, "quote")).Raw("</span></h3>\n<ol>\n");
            foreach (int q in speaker.Quotes)
            {
                Quote quote = analysis.Quotes[q];
                html.Raw("<li><a href=\"#q").Raw(Number(q)).Raw("\" data-q=\"").Raw(Number(q)).Raw("\"><span class=\"kind\">").Text(AnalysisMapper.KindName(quote.Kind)).Raw("</span> ");
                string text = Shorten(quote.Text.Replace('\n', ' '), SideQuoteLength);
                html.Text(quote.Kind == QuoteKind.Indirect ? text : $"“{text}”").Raw("</a></li>\n");
            }

            html.Raw("</ol>\n</section>\n");
        }

        HashSet<string> quoted = speakers.Where(s => s.Name is not null).Select(s => s.Name!).ToHashSet(StringComparer.Ordinal);
        EntityGroup[] others = analysis.Groups.Where(g => g.Quotes.IsDefaultOrEmpty && !quoted.Contains(g.Name)).ToArray();
        if (others.Length > 0)
        {
            html.Raw("<h2>Also mentioned</h2>\n<ul class=\"others\">\n");
            foreach (EntityGroup group in others)
            {
                html.Raw("<li>").Text(group.Name).Raw(" <span class=\"badge\">").Text(group.Type.ToLabel()).Raw("</span> <span class=\"count\">")
                    .Text(Count(group.Mentions.Length, "mention")).Raw("</span></li>\n");
            }

            html.Raw("</ul>\n");
        }

        html.Raw("<h2>Entities</h2>\n");
        if (analysis.Entities.Count == 0)
        {
            html.Raw("<p class=\"none\">No named entities were found.</p>\n");
            return;
        }

        html.Raw("<ul class=\"entities\">\n");
        foreach (IGrouping<EntityType, Entity> byType in analysis.Entities.GroupBy(e => e.Type).OrderBy(g => g.Key))
        {
            string label = byType.Key.ToLabel();
            string[] names = byType.Select(e => e.Name).Distinct(StringComparer.Ordinal).ToArray();
            html.Raw("<li><mark class=\"ent e-").Raw(label.ToLowerInvariant()).Raw("\">").Text(TypeName(byType.Key)).Raw("<span class=\"ent-l\">").Text(label).Raw("</span></mark> ");
            html.Text(string.Join(", ", names.Take(12))).Text(names.Length > 12 ? $" and {names.Length - 12} more" : "").Raw("</li>\n");
        }

        html.Raw("</ul>\n");
    }

    private static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organisation",
        EntityType.Location => "place",
        _ => "other name",
    };

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many ?? one + "s")}");

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>At most <paramref name="max"/> characters, cut at a word and never inside a surrogate pair, with an ellipsis.</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        int cut = max;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        int space = text.LastIndexOf(' ', cut - 1, cut / 3);
        return string.Concat(text.AsSpan(0, space > 0 ? space : cut).TrimEnd(" ,;:.–—-"), "…");
    }

    /// <summary>One colour per speaker name, in order of first quote; a class per colour.</summary>
    internal sealed class SpeakerTable : List<SpeakerEntry>
    {
        private readonly Dictionary<string, SpeakerEntry> _byName = new(StringComparer.Ordinal);

        /// <summary>The entry of a quote's speaker (the unknown speaker's when it has none).</summary>
        public SpeakerEntry For(Quote quote) => quote.Speaker is { } s ? _byName[s.Name] : _byName[""];

        public static SpeakerTable Build(Analysis analysis)
        {
            Dictionary<string, EntityType> types = new(StringComparer.Ordinal);
            foreach (EntityGroup group in analysis.Groups)
            {
                types.TryAdd(group.Name, group.Type);
            }

            var table = new SpeakerTable();
            for (int q = 0; q < analysis.Quotes.Count; q++)
            {
                string key = analysis.Quotes[q].Speaker?.Name ?? "";
                if (!table._byName.TryGetValue(key, out SpeakerEntry? entry))
                {
                    int known = table.Count(s => s.Name is not null);
                    entry = key.Length == 0
                        ? new SpeakerEntry(null, "su", UnknownColour, null)
                        : new SpeakerEntry(key, "s" + Number(known), Colour(known), types.TryGetValue(key, out EntityType t) ? t : null);
                    table._byName.Add(key, entry);
                    table.Add(entry);
                }

                entry.Quotes.Add(q);
            }

            return table;
        }

        /// <summary>One rule per speaker: its colour as the custom property the stylesheet uses.</summary>
        public string Css() => string.Concat(this.Select(s => $".{s.CssClass}{{--c:{s.Colour}}}\n"));

        private static string Colour(int index) => index < Palette.Length
            ? Palette[index]
            : string.Create(CultureInfo.InvariantCulture, $"hsl({(index - Palette.Length) * 137.508 % 360:0} 62% 40%)");
    }

    /// <summary>A speaker (null name: the quotes whose speaker is unknown), its colour class and its quotes.</summary>
    internal sealed record SpeakerEntry(string? Name, string CssClass, string Colour, EntityType? Type)
    {
        public List<int> Quotes { get; } = [];
    }

    private const string Css = """
        :root{--ink:#1d1d1f;--muted:#6b6b70;--rule:#e4e4e8;--paper:#fff;--side:#f7f7f9}
        *{box-sizing:border-box}
        body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.65 Georgia,"DejaVu Serif","Liberation Serif",serif}
        header,aside,.who,.badge,.count,.kind,.ent-l,.stats,.legend{font-family:system-ui,-apple-system,"Segoe UI","DejaVu Sans","Liberation Sans",sans-serif}
        header{padding:1.4rem 2rem 1rem 13rem;border-bottom:1px solid var(--rule)}
        h1{margin:0;font-size:1.35rem;font-weight:650}
        .stats{margin:.2rem 0 .6rem;color:var(--muted);font-size:.85rem}
        .legend{margin:0;font-size:.8rem;line-height:2.2;color:var(--muted)}
        .legend>*{margin-right:.5rem}
        main{display:grid;grid-template-columns:minmax(0,46rem) minmax(16rem,23rem);gap:3rem;padding:1.6rem 2rem 3rem 13rem}
        article p{position:relative;margin:0 0 1.05rem}
        article p.headline{font-size:1.5rem;line-height:1.3;font-weight:700}
        article p.has-q{border-left:4px solid var(--c);margin-left:-1.2rem;padding-left:calc(1.2rem - 4px)}
        .who{position:absolute;right:calc(100% + .9rem);top:.25rem;width:10.5rem;text-align:right;line-height:1.25}
        .chip{display:block;margin-bottom:.3rem;color:var(--c);font-size:.74rem;font-weight:650;cursor:default}
        .chip.cont{opacity:.45}
        .q{background:color-mix(in srgb,var(--c) 15%,transparent);border-radius:3px;padding:.08em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
        .q.q-indirect{background:color-mix(in srgb,var(--c) 6%,transparent);border-bottom:1.5px dashed color-mix(in srgb,var(--c) 70%,transparent);border-radius:0}
        .m{font-weight:650;text-decoration:underline 3px var(--c);text-underline-offset:4px;text-decoration-skip-ink:none}
        .on{outline:2px solid var(--c);outline-offset:1px}
        .q.on{background:color-mix(in srgb,var(--c) 28%,transparent)}
        body.lit article .q:not(.on){opacity:.45}
        mark.ent{color:inherit;background:color-mix(in srgb,var(--e) 38%,#fff);border-radius:.3em;padding:.02em .28em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
        .ent-l{display:inline-block;margin-left:.3em;font-size:.58em;font-weight:700;letter-spacing:.04em;vertical-align:.12em;opacity:.75}
        .bp{color:#6b6b6b;font-style:italic}
        .e-per{--e:#aa9cfc}.e-org{--e:#7aecec}.e-loc{--e:#feca74}.e-misc{--e:#c9cfb0}
        .su{--c:#8a8a8a}
        aside{position:sticky;top:1rem;align-self:start;max-height:calc(100vh - 2rem);overflow:auto;background:var(--side);border:1px solid var(--rule);border-radius:10px;padding:.4rem 1.1rem 1rem;font-size:.86rem;line-height:1.4}
        aside h2{margin:1rem 0 .5rem;font-size:.72rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted)}
        .person{margin:0 0 .9rem;padding:.45rem .6rem;border-left:4px solid var(--c);background:#fff;border-radius:0 6px 6px 0}
        .person.on{outline:none;box-shadow:0 0 0 2px var(--c)}
        .person h3{margin:0 0 .25rem;font-size:.92rem;font-weight:650;color:var(--c)}
        .dot{display:inline-block;width:.6rem;height:.6rem;border-radius:50%;background:var(--c);margin-right:.4rem}
        .badge{font-size:.62rem;font-weight:700;color:var(--muted);border:1px solid var(--rule);border-radius:3px;padding:0 .25rem;vertical-align:.1em}
        .count{font-size:.72rem;font-weight:400;color:var(--muted);float:right;margin-top:.15rem}
        .person ol{margin:0;padding-left:1.1rem;font-family:Georgia,"DejaVu Serif",serif}
        .person li{margin:.2rem 0}
        .person a{color:var(--ink);text-decoration:none;display:block;border-radius:3px}
        .person a:hover,.person a.on{background:color-mix(in srgb,var(--c) 14%,transparent);outline:none}
        .kind{font-size:.64rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
        .others,.entities{margin:0;padding-left:1rem}
        .none{color:var(--muted);margin:.2rem 0}
        @media (max-width:1100px){header,main{padding-left:1.2rem}main{grid-template-columns:1fr}.who{position:static;width:auto;text-align:left}.chip{display:inline;margin-right:.6rem}aside{position:static;max-height:none}}

        """;

    /// <summary>Hover linking: whatever carries data-q lights up every element that shares one of its quote numbers.</summary>
    private const string Script = """
        (function () {
          var lit = [], current = null;
          function clear() { lit.forEach(function (el) { el.classList.remove('on'); }); lit = []; }
          document.addEventListener('mouseover', function (ev) {
            var target = ev.target.closest ? ev.target.closest('[data-q]') : null;
            var key = target ? target.getAttribute('data-q') : null;
            if (key === current) return;
            current = key;
            clear();
            document.body.classList.toggle('lit', key !== null);
            if (key === null) return;
            key.split(' ').forEach(function (id) {
              document.querySelectorAll('[data-q~="' + id + '"]').forEach(function (el) { el.classList.add('on'); lit.push(el); });
            });
          });
        })();

        """;
}
