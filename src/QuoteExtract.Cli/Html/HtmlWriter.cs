using System;
using System.IO;

namespace QuoteExtract.Cli.Html;

/// <summary>Writes markup as given and text HTML-escaped (fit for element content and double-quoted attributes).</summary>
internal sealed class HtmlWriter(TextWriter output)
{
    /// <summary>Markup, written as it is.</summary>
    public HtmlWriter Raw(string markup)
    {
        output.Write(markup);
        return this;
    }

    /// <summary>Text: &amp; &lt; &gt; " and ' become references; C0 controls other than tab and line breaks (and DEL) become U+FFFD.</summary>
    public HtmlWriter Text(ReadOnlySpan<char> text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            string? replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => null,
                < ' ' or '\u007f' => "\ufffd",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            output.Write(text[start..i]);
            output.Write(replacement);
            start = i + 1;
        }

        output.Write(text[start..]);
        return this;
    }

    /// <summary>Text, HTML-escaped.</summary>
    public HtmlWriter Text(string text) => Text(text.AsSpan());
}
