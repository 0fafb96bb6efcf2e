using System.IO;
using QuoteExtract.Tests.Entities;

namespace QuoteExtract.Tests.Cli;

/// <summary>--model FILE: the shipped model given as a file works as the embedded one; a bad file is exit code 3 with a message naming it.</summary>
public class ModelOptionTests
{
    [Fact]
    public void Shipped_model_as_a_file_gives_the_same_analysis()
    {
        CliResult expected = CliHost.Run("--json", CliHost.SampleArticle);
        CliResult actual = CliHost.Run("--json", "--model", ShippedModelFixture.FilePath, CliHost.SampleArticle);
        Assert.Equal(0, actual.ExitCode);
        Assert.Equal("", actual.Stderr);
        Assert.Equal(expected.Stdout, actual.Stdout);
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--jsonl")]
    [InlineData("--html")]
    [InlineData("")]
    public void Missing_model_file_exits_3_naming_it(string mode)
    {
        string path = Path.Combine(Path.GetTempPath(), $"quoteextract-{Guid.NewGuid():N}.bin");
        CliResult result = CliHost.Run([.. mode == "" ? [] : new[] { mode }, "--model=" + path, CliHost.SampleArticle]);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"quote-extract: --model: The entity model file '{path}' does not exist.\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Corrupt_model_file_exits_3_naming_it_and_the_problem()
    {
        using var file = new TempFile("QXNER\u0001 not deflate"u8);
        CliResult result = CliHost.RunWithInput("{\"text\": \"Jane Smith said so.\"}\n", "--jsonl", "--model", file.Path);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"--model: The entity model file '{file.Path}' is ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
