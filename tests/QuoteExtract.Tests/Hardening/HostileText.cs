using System;
using System.Collections.Generic;
using System.Text;

namespace QuoteExtract.Testing;

/// <summary>One character edit of a text: insert, delete or replace at a position (taken modulo the length).</summary>
/// <param name="Op">0 inserts <paramref name="C"/>, 1 deletes, 2 replaces with <paramref name="C"/>.</param>
/// <param name="Where">The position, modulo the text's length (plus one for an insert).</param>
/// <param name="C">The character inserted or written.</param>
internal readonly record struct Edit(int Op, int Where, char C);

/// <summary>
/// Texts that attack the extractor: short news snippets with quotes in several styles (written for these
/// tests), character mutations of them, and large hostile inputs by name. Shared by the tests and the
/// fuzz target (fuzz/QuoteExtract.Fuzz links this file).
/// </summary>
internal static class HostileText
{
    /// <summary>News snippets in several quotation styles: curly, straight, British single, '' archive marks, guillemets, dashes, nesting, several paragraphs, reported speech.</summary>
    public static readonly string[] Snippets =
    [
        "\u201CWe will not back down,\u201D the transport minister told reporters on Monday.",
        "Ms Okoro said: \u2018The figures speak for themselves. Nobody can argue with them.\u2019",
        "\"It's a disaster,\" said Tom Reyes, a spokesman for the dockers' union. \"Nobody saw it coming.\"",
        "The mayor insisted the city would \u201Cnever surrender\u201D its parks to developers.",
        "According to police, the suspect fled on foot towards the railway station.",
        "''We are ready for this,'' Coach Ana Lind said after training. ''The boys have worked hard.''",
        "\u00ABNous restons unis\u00BB, a d\u00E9clar\u00E9 le pr\u00E9sident, selon l\u2019AFP.",
        "\u201CHe told me \u2018go home\u2019 and I did,\u201D Mr Patel said of the officer.",
        "\u2018Never again\u2019 \u2013 Prime Minister Hal Jones on the floods of 2024",
        "The company said that profits had fallen by 5% to \u00A312.5m in the year to March.",
        "Ruth Ames, the chancellor, warned: \u201CThere will be difficult choices.\n\n\u201CWe cannot spend money we do not have.\u201D",
        "She added that the Joneses\u2019 house was \u201Cbeyond repair\u201D and said: \u2018We\u2019ll rebuild.\u2019",
        "\u201CWhat now?\u201D asked one resident. \u201CWho pays?\u201D",
        "Officials \u2013 who spoke on condition of anonymity \u2013 said the talks had stalled.",
        "The union\u2019s leader, Dana Cruz, told the BBC that strikes would go ahead, adding: \"We have no choice.\"",
        "\u201EDas ist nicht akzeptabel\u201C, sagte Merz. \u201CIt is not acceptable,\u201D he said later in English.",
    ];

    /// <summary>Characters that edits insert: quote marks of every style, apostrophes, line breaks, invisible and bidirectional marks, surrogate halves, controls.</summary>
    public const string EditChars =
        "\u201C\u201D\u2018\u2019\"'\u00AB\u00BB\u201E\u201A\u2039\u203A\u201B\u201F" +
        "\n\n\r\u2028\u2029 \u00A0\t,.:;!?-\u2013\u2014\u2026()" +
        "\u200F\u200E\u202E\u202B\u2067\u061C\u200B\u200D\uFEFF\u00AD" +
        "\uD83D\uDE00\uDBFF\uDC00\u0000\u0001\u001B\u007F\u0085\u009C" +
        "aeTMsX0@#\u00E9\u0645\u05D0";

    /// <summary>Applies <paramref name="edits"/> to <paramref name="text"/> in turn.</summary>
    /// <param name="text">The text to edit.</param>
    /// <param name="edits">The edits.</param>
    /// <returns>The edited text.</returns>
    public static string Apply(string text, IEnumerable<Edit> edits)
    {
        var sb = new StringBuilder(text);
        foreach (Edit e in edits)
        {
            if (e.Op == 0 || sb.Length == 0)
            {
                sb.Insert(Math.Abs(e.Where % (sb.Length + 1)), e.C);
                continue;
            }

            int at = Math.Abs(e.Where % sb.Length);
            if (e.Op == 1)
            {
                sb.Remove(at, 1);
            }
            else
            {
                sb[at] = e.C;
            }
        }

        return sb.ToString();
    }

    /// <summary>A few snippets joined by spaces or line breaks, then <paramref name="edits"/> random character edits.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="edits">How many edits.</param>
    /// <returns>The text.</returns>
    public static string RandomDocument(Random random, int edits)
    {
        ArgumentNullException.ThrowIfNull(random);
        string[] glue = [" ", "\n", "\n\n", "\r\n"];
        var parts = new List<string>();
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            parts.Add(Snippets[random.Next(Snippets.Length)]);
        }

        var list = new List<Edit>(edits);
        for (int i = 0; i < edits; i++)
        {
            list.Add(new Edit(random.Next(3), random.Next(), random.Next(4) == 0 ? (char)random.Next(char.MaxValue + 1) : EditChars[random.Next(EditChars.Length)]));
        }

        return Apply(string.Join(glue[random.Next(glue.Length)], parts), list);
    }

    /// <summary>Random documents (a quarter of them edited) separated by blank lines, to <paramref name="length"/> characters or a little more.</summary>
    /// <param name="length">The least length.</param>
    /// <param name="seed">The seed of the random documents.</param>
    /// <returns>The text.</returns>
    public static string News(int length, int seed = 6)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(length + 1024);
        while (sb.Length < length)
        {
            sb.Append(RandomDocument(random, random.Next(4) == 0 ? random.Next(1, 8) : 0)).Append("\n\n");
        }

        return sb.ToString();
    }

    /// <summary>The names of the large hostile inputs <see cref="Large"/> makes.</summary>
    public static readonly string[] LargeNames =
    [
        "binary-utf8", "binary-latin1", "random-utf16", "lone-surrogates", "control-chars", "rtl-marks",
        "token-1mb", "token-1mb-apostrophes", "digits-1mb", "url-1mb",
        "open-marks-1m", "close-marks-1m", "straight-marks-1m", "mixed-marks-1m", "spaced-marks-1m", "marks-per-line-1m",
        "nested-20k", "nested-20k-words", "nested-20k-unclosed", "nested-20k-straight",
    ];

    /// <summary>A large hostile input by name (see <see cref="LargeNames"/>); the same text every time.</summary>
    /// <param name="name">One of <see cref="LargeNames"/>.</param>
    /// <param name="size">What "1m" and "1mb" in the names stand for: 1,048,576 characters by default, fewer for a smaller text of the same kind. Nesting stays 20,000 deep.</param>
    /// <returns>The text.</returns>
    public static string Large(string name, int size = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(name);
        var random = new Random(name.Length * 7919);
        return name switch
        {
            "binary-utf8" => Encoding.UTF8.GetString(Bytes(random, size / 4)),
            "binary-latin1" => Encoding.Latin1.GetString(Bytes(random, size / 4)),
            "random-utf16" => Chars(random, size / 4),
            "lone-surrogates" => Repeat(size / 4, "\u201CWe\uD800 will\uDC00 win,\u201D\uDBFF she said\uDFFF.\uDC00\uD800 ", "\uD83D\u2019s \u2018a\uDE00\u2019 "),
            "control-chars" => Repeat(size / 4, ControlRun(), " \u201CHe\u0000 said\u0007 so,\u001B\u201D Mr\u0085 Lee\u009C said.\u000B\u000C"),
            "rtl-marks" => Repeat(size / 4, "\u202B\u201C\u0627\u0644\u0633\u0644\u0627\u0645,\u201D \u200Fsaid\u200F Ali\u202C. ", "\u202E\u2018\u05E9\u05DC\u05D5\u05DD\u2019 \u2067Dana\u2069 told\u061C AFP.\u200E\n"),
            "token-1mb" => new string('a', size),
            "token-1mb-apostrophes" => Repeat(size, "a\u2019b-c'd\u00ADe"),
            "digits-1mb" => Repeat(size, "1,0.5:"),
            "url-1mb" => "https://example.com/" + Repeat(size, "a/b?c=d&"),
            "open-marks-1m" => new string('\u201C', size),
            "close-marks-1m" => new string('\u201D', size),
            "straight-marks-1m" => new string('"', size),
            "mixed-marks-1m" => Repeat(size, "\u201C\u2018\u2019\"'\u201D\u00AB\u201E\u00BB\u2039"),
            "spaced-marks-1m" => Repeat(size, "\u201C a \u2019 b \" c ' \u2018 "),
            "marks-per-line-1m" => Repeat(size, "\u201C\n", "\u2018word\n", "\"\n\n"),
            "nested-20k" => Repeat(20_000, "\u201C", "\u2018") + "Yes" + Repeat(20_000, "\u2019", "\u201D") + " she said.",
            "nested-20k-words" => Repeat(170_000, "\u201CI said ", "\u2018he said ") + "go" + Repeat(190_000, "\u2019 he said ", "\u201D she said "),
            "nested-20k-unclosed" => "Smith said: " + Repeat(60_000, "\u201Ca ", "\u2018b "),
            "nested-20k-straight" => Repeat(20_000, "\"", "'") + "x" + Repeat(20_000, "'", "\""),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Chars(Random random, int count)
    {
        var chars = new char[count];
        for (int i = 0; i < count; i++)
        {
            chars[i] = (char)random.Next(char.MaxValue + 1);
        }

        return new string(chars);
    }

    private static string ControlRun()
    {
        var sb = new StringBuilder();
        for (char c = '\u0000'; c < '\u0020'; c++)
        {
            sb.Append(c).Append('x');
        }

        for (char c = '\u007F'; c <= '\u009F'; c++)
        {
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The units in turn until the text has at least <paramref name="length"/> characters.</summary>
    private static string Repeat(int length, params string[] units)
    {
        var sb = new StringBuilder(length + 64);
        for (int i = 0; sb.Length < length; i++)
        {
            sb.Append(units[i % units.Length]);
        }

        return sb.ToString();
    }
}
