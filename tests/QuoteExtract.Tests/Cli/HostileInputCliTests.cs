using System.IO;
using System.Text;
using System.Text.Json;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Cli;

/// <summary>
/// quote-extract on hostile input: every hostile text of the library tests and malformed lines through
/// --jsonl, unreadable files, invalid options. Each failure is reported on standard error, the other
/// documents are still processed, and the exit code says what happened.
/// </summary>
public class HostileInputCliTests
{
    /// <summary>The hostile texts, smaller than in the library tests (128K for "1m"), plus short ones.</summary>
    private static List<(string Id, string Text)> HostileDocuments()
    {
        List<(string Id, string Text)> docs = [.. HostileText.LargeNames.Select(n => (n, HostileText.Large(n, 1 << 17)))];
        docs.AddRange(
        [
            ("empty", ""),
            ("white-space", " \n\u00A0\u2029\t"),
            ("lone-high", "\uD800"),
            ("lone-low-in-quote", "\u201C\uDC00,\u201D he said."),
            ("reversed-pair", "\uDE00\uD83D \u201CWe\uDE00\uD83D will,\u201D Jane Smith said."),
            ("nul", "\u0000\u201CA\u0000,\u201D said \u0000Bob."),
            ("news", HostileText.News(20_000)),
        ]);
        return docs;
    }

    [Fact]
    public void Every_hostile_text_gets_one_valid_line_and_a_malformed_line_is_reported_by_number()
    {
        List<(string Id, string Text)> docs = HostileDocuments();
        const int malformedLine = 5;
        var lines = new List<string>(docs.Select(d => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = d.Id, ["text"] = d.Text })));
        lines.Insert(malformedLine - 1, "{\"id\": \"broken\", \"text\": \"no closing quote}");
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            CliResult result = CliHost.Run("--jsonl", "-j", "2", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"quote-extract: line {malformedLine}: invalid JSON", string.Join(':', result.Stderr.Trim().Split(':').Take(3)));
            Assert.Single(result.Stderr.Trim().Split('\n'));
            Assert.Equal(docs.Count, result.Lines.Length);
            for (int i = 0; i < docs.Count; i++)
            {
                AssertValidLine(docs[i].Id, docs[i].Text, result.Lines[i]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unpaired_surrogate_escapes_count_as_one_code_unit_and_are_written_as_replacement_characters()
    {
        // Python's json.dumps writes text with broken UTF-16 this way; System.Text.Json alone refuses it.
        const string line = """{"id": "s", "text": "\ud800 \udc00\u201cWe will win,\u201d Jane Smith said \ud83d\ude00."}""";
        CliResult result = CliHost.RunWithInput(line + "\n", "--jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        const string text = "\uD800 \uDC00\u201CWe will win,\u201D Jane Smith said \U0001F600.";
        AssertValidLine("s", text, Assert.Single(result.Lines));
        using JsonDocument doc = JsonDocument.Parse(result.Lines[0]);
        JsonElement quote = Assert.Single(doc.RootElement.GetProperty("quotes").EnumerateArray());
        Assert.Equal(4, quote.GetProperty("start").GetInt32());
        Assert.Equal("We will win,", quote.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("""{"id": "n", "text": 42}""", "invalid JSON")]
    [InlineData("""{"id": "t", "text": true}""", "invalid JSON")]
    [InlineData("""{"id": "o", "text": {"a": 1}}""", "invalid JSON")]
    [InlineData("""{"id": "b", "text": "\x"}""", "invalid JSON")]
    [InlineData("""{"id": "u", "text": "\u12G4"}""", "invalid JSON")]
    [InlineData("{\"id\": \"c\", \"text\": \"raw\u0001control\"}", "invalid JSON")]
    [InlineData("{\"id\": \"tab\", \"text\": \"raw\ttab\"}", "invalid JSON")]
    [InlineData("""{"id": "z", "text": null}""", "id \"z\": no \"text\" string")]
    [InlineData("""{"id": "d", "text": "x", "deep": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""", "invalid JSON")]
    [InlineData("""{"id": "e", "text": "x"} trailing""", "invalid JSON")]
    [InlineData("\uFFFD\uFFFD\u0001binary\uFFFD", "invalid JSON")]
    [InlineData("null", "expected a JSON object")]
    public void Malformed_line_is_reported_and_the_next_line_still_processed(string bad, string message)
    {
        CliResult result = CliHost.RunWithInput(bad + "\n{\"id\": \"good\", \"text\": \"\\u201cYes,\\u201d he said.\"}\n", "--jsonl");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"quote-extract: line 1: {message}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("good", JsonDocument.Parse(Assert.Single(result.Lines)).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Invalid_utf8_bytes_in_a_file_become_replacement_characters()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] good = Encoding.UTF8.GetBytes("{\"id\": \"g\", \"text\": \"caf");
            byte[] rest = Encoding.UTF8.GetBytes(" \\u201cYes,\\u201d he said.\"}\n");
            File.WriteAllBytes(path, [0x80, 0xC0, 0x00, (byte)'\n', .. good, 0xC3, 0x28, 0xE2, 0x82, .. rest]);
            CliResult result = CliHost.Run("--jsonl", path);
            Assert.Equal(1, result.ExitCode); // the first line is no JSON
            Assert.StartsWith("quote-extract: line 1: invalid JSON", result.Stderr, StringComparison.Ordinal);
            Assert.Equal("g", JsonDocument.Parse(Assert.Single(result.Lines)).RootElement.GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Utf16_file_with_a_byte_order_mark_is_read()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"id\": \"w\", \"text\": \"\u201CYes,\u201D he said.\"}\n", Encoding.Unicode);
            CliResult result = CliHost.Run("--jsonl", path);
            Assert.Equal(0, result.ExitCode);
            AssertValidLine("w", "\u201CYes,\u201D he said.", Assert.Single(result.Lines));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_folder_is_an_unreadable_file()
    {
        string folder = Path.GetTempPath();
        foreach (string[] args in new[] { new[] { "--jsonl", folder }, ["--json", folder], [folder] })
        {
            CliResult result = CliHost.Run(args);
            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"cannot read '{folder}'", result.Stderr, StringComparison.Ordinal);
            Assert.Equal("", result.Stdout);
        }
    }

    [Fact]
    public void An_unreadable_file_among_several_is_reported_and_the_others_are_read()
    {
        string good = Path.GetTempFileName();
        string missing = Path.Combine(Path.GetTempPath(), "quote-extract-missing-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            File.WriteAllText(good, "\u201CWe will win,\u201D Jane Smith said.");
            CliResult result = CliHost.Run(missing, good);
            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"cannot read '{missing}'", result.Stderr, StringComparison.Ordinal);
            Assert.Contains($"{good}: 1 quote", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("We will win,", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(good);
        }
    }

    [Theory]
    [InlineData("--threads must be a whole number of at least 1, not '99999999999'", "--jsonl", "--threads", "99999999999")]
    [InlineData("-j must be a whole number of at least 1, not '-1'", "--jsonl", "-j", "-1")]
    [InlineData("option '--threads' needs a value", "--jsonl", "--threads=")]
    [InlineData("--threads must be a whole number of at least 1, not ' 2'", "--jsonl", "--threads", " 2")]
    [InlineData("--min-confidence must be a number from 0 to 1, not 'NaN'", "--min-confidence", "NaN", "a.txt")]
    [InlineData("--min-confidence must be a number from 0 to 1, not '-0.5'", "--min-confidence=-0.5", "a.txt")]
    [InlineData("--min-confidence must be a number from 0 to 1, not 'Infinity'", "--min-confidence", "Infinity", "a.txt")]
    [InlineData("option '--min-confidence' needs a value", "a.txt", "--min-confidence")]
    [InlineData("unknown option '-x'", "-x", "a.txt")]
    [InlineData("unknown option '--JSONL'", "--JSONL")]
    public void Invalid_values_exit_2_with_a_message(string message, params string[] args)
    {
        CliResult result = CliHost.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>One output line: the id, and every span inside the text with the text at it (lone surrogates written as U+FFFD).</summary>
    private static void AssertValidLine(string id, string text, string line)
    {
        using JsonDocument doc = JsonDocument.Parse(line);
        JsonElement root = doc.RootElement;
        Assert.Equal(id, root.GetProperty("id").GetString());
        foreach (JsonElement quote in root.GetProperty("quotes").EnumerateArray())
        {
            var parts = new List<string>();
            foreach (JsonElement segment in quote.GetProperty("segments").EnumerateArray())
            {
                parts.Add(At(text, segment, id));
            }

            Assert.Equal(string.Join("\n", parts), quote.GetProperty("text").GetString());
            Assert.Equal(quote.GetProperty("segments")[0].GetProperty("start").GetInt32(), quote.GetProperty("start").GetInt32());
            foreach (string part in new[] { "speaker", "cue" })
            {
                if (quote.GetProperty(part) is { ValueKind: JsonValueKind.Object } mention)
                {
                    Assert.Equal(At(text, mention, id), mention.GetProperty("text").GetString());
                }
            }
        }

        foreach (JsonElement entity in root.GetProperty("entities").EnumerateArray())
        {
            Assert.Equal(At(text, entity, id), entity.GetProperty("text").GetString());
        }
    }

    private static string At(string text, JsonElement span, string id)
    {
        int start = span.GetProperty("start").GetInt32();
        int end = span.GetProperty("end").GetInt32();
        Assert.True(start >= 0 && start <= end && end <= text.Length, $"{id}: span {start}..{end} outside a text of {text.Length}");
        return WithoutLoneSurrogates(text.AsSpan(start, end - start));
    }

    private static string WithoutLoneSurrogates(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            bool pair = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            sb.Append(pair ? s.Slice(i++, 2) : char.IsSurrogate(s[i]) ? "\uFFFD" : s.Slice(i, 1));
        }

        return sb.ToString();
    }
}
