namespace QuoteExtract.Tests.Cli;

public class OptionsTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("eval", "quotes", "--help")]
    public void Help_documents_every_option_and_the_exit_codes(params string[] args)
    {
        CliResult result = CliHost.Run(args);
        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[]
                 {
                     "--json", "--jsonl", "--html", "--output", "-o", "--min-confidence", "--no-indirect", "--no-entities", "--model", "--threads", "-j", "--uk", "--pred",
                     "--help", "--version", "eval quotes", "eval polnear", "Exit codes",
                 })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }

        foreach (string code in new[] { "0  ", "1  ", "2  ", "3  " })
        {
            Assert.Contains("\n  " + code, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("unknown option '--frobnicate'", "--frobnicate", "a.txt")]
    [InlineData("no input file", new string[0])]
    [InlineData("option '--threads' needs a value", "--jsonl", "--threads")]
    [InlineData("--threads must be a whole number of at least 1, not '0'", "--jsonl", "--threads", "0")]
    [InlineData("-j must be a whole number of at least 1, not 'many'", "--jsonl", "-j", "many")]
    [InlineData("--min-confidence must be a number from 0 to 1, not '1.5'", "--min-confidence", "1.5", "a.txt")]
    [InlineData("--json and --jsonl exclude each other", "--json", "--jsonl", "a.txt")]
    [InlineData("--json needs exactly one file", "--json", "a.txt", "b.txt")]
    [InlineData("--jsonl reads one file", "--jsonl", "a.jsonl", "b.jsonl")]
    [InlineData("eval needs a kind", "eval")]
    [InlineData("eval needs a kind", "eval", "ner", "x")]
    [InlineData("eval quotes needs two files", "eval", "quotes", "gold.json")]
    [InlineData("eval polnear needs one file", "eval", "polnear")]
    [InlineData("--uk goes with 'eval polnear' only", "--uk", "a.txt")]
    [InlineData("--uk goes with 'eval polnear' only", "eval", "quotes", "g.json", "a.txt", "--uk")]
    [InlineData("--pred goes with eval only", "--pred", "p.json", "a.txt")]
    [InlineData("--html excludes --json and --jsonl", "--html", "--json", "a.txt")]
    [InlineData("--html needs exactly one file", "--html", "a.txt", "b.txt")]
    [InlineData("--html does not go with eval", "eval", "quotes", "g.json", "a.txt", "--html")]
    [InlineData("-o/--output goes with --html only", "--jsonl", "-o", "out.jsonl")]
    [InlineData("option '--output' needs a value", "--html", "a.txt", "--output")]
    [InlineData("option '--model' needs a value", "a.txt", "--model")]
    [InlineData("--model and --no-entities exclude each other", "--model", "m.bin", "--no-entities", "a.txt")]
    [InlineData("--pretokenized goes with --conllu only", "--pretokenized", "a.conllu")]
    [InlineData("--pretokenized goes with --conllu only", "--json", "--pretokenized", "a.conllu")]
    [InlineData("--conllu excludes --json, --jsonl and --html", "--conllu", "--json", "a.txt")]
    [InlineData("--conllu excludes --json, --jsonl and --html", "--jsonl", "--conllu", "a.txt")]
    [InlineData("--conllu excludes --json, --jsonl and --html", "--conllu", "--html", "a.txt")]
    [InlineData("--conllu excludes --json, --jsonl and --html", "--conllu", "--pretokenized", "--json", "a.conllu")]
    [InlineData("--conllu needs exactly one file", "--conllu")]
    [InlineData("--conllu needs exactly one file", "--conllu", "--pretokenized")]
    [InlineData("--conllu needs exactly one file", "--conllu", "a.txt", "b.txt")]
    [InlineData("--conllu does not go with eval", "eval", "quotes", "g.json", "a.txt", "--conllu")]
    [InlineData("--model does not go with --conllu", "--conllu", "--model", "ner.bin", "a.txt")]
    [InlineData("--no-entities does not go with --conllu", "--conllu", "--no-entities", "a.txt")]
    [InlineData("--min-confidence does not go with --conllu", "--conllu", "--min-confidence", "0.2", "a.txt")]
    [InlineData("-o/--output does not go with --conllu", "--conllu", "a.txt", "-o", "out.conllu")]
    [InlineData("option '--syntax-model' needs a value", "--conllu", "a.txt", "--syntax-model")]
    [InlineData("unknown option '-x'", "-x", "--", "-y")]
    [InlineData("eval needs a kind", "eval", "--json")]
    public void Invalid_command_lines_exit_2_with_a_message(string message, params string[] args)
    {
        CliResult result = CliHost.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Version_prints_the_tool_name()
    {
        CliResult result = CliHost.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("quote-extract ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Double_dash_makes_the_rest_files_and_options_take_equals_values()
    {
        CliResult result = CliHost.Run("--threads=2", "--min-confidence=0.3", "--", "--not-an-option.txt");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot read '--not-an-option.txt'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_of_a_command_is_the_standard_help_of_that_command_then_the_reference()
    {
        CliResult serve = CliHost.Run("serve", "--help");
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("The HTTP service", serve.Stdout, StringComparison.Ordinal);
        Assert.Contains("--max-request-bytes <N>", serve.Stdout, StringComparison.Ordinal);
        Assert.True(serve.Stdout.IndexOf("Options:", StringComparison.Ordinal) < serve.Stdout.IndexOf("Exit codes", StringComparison.Ordinal));
        Assert.NotEqual(CliHost.Run("--help").Stdout, serve.Stdout);
    }

    [Fact]
    public void The_suggest_directive_completes_options_and_commands()
    {
        CliResult result = CliHost.Run("[suggest]", "--js");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["--json", "--jsonl"], result.Lines);
    }

    [Fact]
    public void After_a_double_dash_every_argument_is_a_file()
    {
        CliResult result = CliHost.Run("--", "--json");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot read '--json'", result.Stderr, StringComparison.Ordinal);
    }
}
