using System.IO;
using System.Text;
using System.Text.Json;

namespace QuoteExtract.Tests.Cli;

/// <summary>--jsonl end to end, with assertions that hold whatever the extractor finds.</summary>
public class JsonLinesCommandTests
{
    [Fact]
    public void Malformed_lines_are_reported_by_number_and_the_others_processed()
    {
        string input = string.Join('\n',
            """{"id": "a", "text": "She left."}""",
            """{"id": "b", "text": """,
            """{"id": "c"}""",
            """{"id": "d", "text": 42}""",
            """["not", "an", "object"]""",
            """{"id": {"x": 1}, "text": "Hi."}""",
            """{"id": "e", "text": "He stayed."}""");
        CliResult result = CliHost.RunWithInput(input, "--jsonl", "--threads", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(new[] { "a", "e" }, result.Lines.Select(Id));
        Assert.Contains("line 2: invalid JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: id \"c\": no \"text\" string", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4: invalid JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 5: invalid JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 6: \"id\" must be a string or a number", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 7:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_goes_to_standard_error_only_when_it_is_a_terminal()
    {
        string input = string.Join('\n', Enumerable.Range(0, 3).Select(i => $"{{\"id\": {i}, \"text\": \"“Yes,” she said.\"}}"));
        CliResult plain = CliHost.RunWithInput(input, "--jsonl");
        Assert.Equal("", plain.Stderr);

        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, QuoteExtract.Cli.CliApp.Run(["--jsonl"], stdin, stdout, stderr, stderrIsTerminal: true));
        Assert.Equal(plain.Stdout, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        // Intermediate lines appear when the run takes over a second (the first analysis loads the model).
        Assert.Matches(@"^(?:\r\d documents?, [\d,]+/s\u001b\[K)*\r3 documents in \d+\.\d s, [\d,]+/s\u001b\[K\r?\n$", stderr.ToString());
    }

    [Fact]
    public void Progress_line_redraws_in_place_and_steps_aside_for_messages()
    {
        using var terminal = new StringWriter();
        var progress = new QuoteExtract.Cli.ProgressLine(terminal, TimeSpan.Zero);
        progress.Advance();
        progress.Advance();
        progress.Clear();
        terminal.Write("quote-extract: line 3: invalid JSON\n");
        progress.Advance();
        progress.Finish();
        string[] parts = terminal.ToString().Split('\r');
        Assert.Matches(@"^1 document, [\d,]+/s\u001b\[K$", parts[1]);
        Assert.Matches(@"^2 documents, [\d,]+/s\u001b\[K$", parts[2]);
        Assert.Equal("\u001b[Kquote-extract: line 3: invalid JSON\n", parts[3]);
        Assert.Matches(@"^3 documents, ", parts[4]);
        Assert.Matches(@"^3 documents in \d+\.\d s, [\d,]+/s\u001b\[K\r?\n?$", parts[5]);
    }

    [Fact]
    public void Empty_text_gives_empty_arrays()
    {
        CliResult result = CliHost.RunWithInput("""{"id": "empty", "text": ""}""" + "\n", "--jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"id":"empty","quotes":[],"entities":[],"people":[]}""", Assert.Single(result.Lines));
    }

    [Fact]
    public void Number_ids_are_echoed_as_strings_missing_ids_as_null_and_blank_lines_skipped()
    {
        CliResult result = CliHost.RunWithInput("{\"id\": 17, \"text\": \"x\"}\n\n   \n{\"text\": \"y\", \"other\": [1, 2]}\n", "--jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "17", null }, result.Lines.Select(Id));
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Output_keeps_input_order_under_parallelism()
    {
        // Texts of very different lengths finish out of order on four threads.
        var input = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            string text = string.Concat(Enumerable.Repeat($"“Line {i} matters,” Jane Smith said. ", i % 7 == 0 ? 80 : 1 + (i % 5)));
            input.Append(JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = $"doc-{i}", ["text"] = text })).Append('\n');
        }

        CliResult result = CliHost.RunWithInput(input.ToString(), "--jsonl", "-j", "4");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"doc-{i}"), result.Lines.Select(Id));
    }

    [Fact]
    public void Every_line_has_the_contract_fields()
    {
        CliResult result = CliHost.RunWithInput("""{"id": "q", "text": "Hi 😀 “We will win,” Jane Smith said."}""", "--jsonl");
        using JsonDocument doc = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(new[] { "id", "quotes", "entities", "people" }, doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("quotes").ValueKind);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("entities").ValueKind);
        JsonElement person = Assert.Single(doc.RootElement.GetProperty("people").EnumerateArray());
        Assert.Equal(new[] { "name", "gender", "quoted", "mentions" }, person.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Jane Smith", person.GetProperty("name").GetString());
        Assert.Equal("female", person.GetProperty("gender").GetString());
        Assert.True(person.GetProperty("quoted").GetBoolean());
        Assert.Equal("female", doc.RootElement.GetProperty("quotes")[0].GetProperty("speaker").GetProperty("gender").GetString());
    }

    [Fact]
    public void Reads_a_file_and_a_utf8_byte_order_mark()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"id\": \"f\", \"text\": \"Née à Paris.\"}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            CliResult result = CliHost.Run("--jsonl", path);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(new[] { "f" }, result.Lines.Select(Id));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unreadable_file_is_a_clear_error()
    {
        string missing = Path.Combine(Path.GetTempPath(), "quote-extract-no-such-file.jsonl");
        CliResult result = CliHost.Run("--jsonl", missing);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"cannot read '{missing}'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    private static string? Id(string line)
    {
        using JsonDocument doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("id").GetString();
    }
}
