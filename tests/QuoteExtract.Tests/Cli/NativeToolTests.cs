using System.IO;
using System.Text;
using QuoteExtract.Cli;
using QuoteExtract.Tests.Packaging;

namespace QuoteExtract.Tests.Cli;

/// <summary>
/// The native executable (dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64) writes the same bytes,
/// and exits with the same code, as the .NET tool (the quote-extract.dll built beside these tests, run by
/// dotnet) on the shipped samples in every output format, and on a file that does not exist. The native
/// executable is named by QUOTEEXTRACT_NATIVE_TOOL; .ci/run builds it and sets it.
/// </summary>
public sealed class NativeToolTests
{
    public const string Variable = "QUOTEEXTRACT_NATIVE_TOOL";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The native executable, or null when the variable is unset or names no file.</summary>
    public static string? NativeTool { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path && File.Exists(path) ? Path.GetFullPath(path) : null;

    /// <summary>Why the native executable cannot be compared here, or null when it can.</summary>
    public static string? SkipReason =>
        NativeTool is not null ? null
        : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? $"{Variable} names '{path}', which does not exist: publish the native tool first (dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64 -o DIR)."
        : $"{Variable} is not set: it names the native executable (dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64 -o DIR; DIR/quote-extract), which .ci/run builds.";

    /// <summary>The arguments of each comparison; files are relative to the repository, the working directory.</summary>
    public static TheoryData<string[]> Runs()
    {
        string[] articles = ["samples/article.txt", "samples/harbour-ferry-strike.txt", "samples/library-reopens.txt"];
        var runs = new TheoryData<string[]> { articles };
        foreach (string format in new[] { "--json", "--html", "--conllu" })
        {
            foreach (string article in articles)
            {
                runs.Add([format, article]);
            }
        }

        runs.Add(["--jsonl", "samples/people/articles.jsonl"]);
        return runs;
    }

    [NativeToolTheory]
    [MemberData(nameof(Runs))]
    public void The_native_executable_writes_the_same_bytes_as_the_dotnet_tool(string[] args)
    {
        (RawChildResult native, RawChildResult dotnet) = RunBoth(args);

        Assert.Equal(0, dotnet.ExitCode);
        Assert.NotEmpty(dotnet.Stdout);
        Assert.Equal(dotnet.ExitCode, native.ExitCode);
        AssertSameBytes("standard output", dotnet.Stdout, native.Stdout);
        AssertSameBytes("standard error", dotnet.Stderr, native.Stderr);
    }

    [NativeToolTheory]
    [InlineData("samples/no-such-article.txt")]
    [InlineData("--jsonl", "samples/no-such-articles.jsonl")]
    public void A_missing_file_gets_the_same_exit_code_and_message_from_both(params string[] args)
    {
        (RawChildResult native, RawChildResult dotnet) = RunBoth(args);

        Assert.Equal(ExitCodes.InputError, dotnet.ExitCode);
        Assert.Contains("no-such-article", Encoding.UTF8.GetString(dotnet.Stderr), StringComparison.Ordinal);
        Assert.Equal(dotnet.ExitCode, native.ExitCode);
        AssertSameBytes("standard error", dotnet.Stderr, native.Stderr);
        AssertSameBytes("standard output", dotnet.Stdout, native.Stdout);
    }

    private static (RawChildResult Native, RawChildResult Dotnet) RunBoth(string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "quote-extract.dll");
        RawChildResult native = ChildProcess.RunRaw(NativeTool!, args, CliHost.RepoRoot, RunTimeout);
        RawChildResult dotnet = ChildProcess.RunRaw(ChildProcess.DotnetExecutable, [dll, .. args], CliHost.RepoRoot, RunTimeout);
        return (native, dotnet);
    }

    /// <summary>Fails with the first differing byte and the text around it in both.</summary>
    private static void AssertSameBytes(string stream, byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        int at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        Assert.Fail($"{stream}: the native executable wrote {actual.Length} bytes, the .NET tool {expected.Length}; first difference at byte {at}:\n"
            + $".NET:   {Around(expected, at)}\nnative: {Around(actual, at)}");
    }

    private static string Around(byte[] bytes, int at)
    {
        int start = Math.Max(0, at - 60);
        return Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 60) - start).ReplaceLineEndings("\\n");
    }
}

/// <summary>A theory that needs the native executable; skipped, with the reason, when QUOTEEXTRACT_NATIVE_TOOL names none.</summary>
internal sealed class NativeToolTheoryAttribute : TheoryAttribute
{
    public NativeToolTheoryAttribute()
    {
        Skip = NativeToolTests.SkipReason;
    }
}

/// <summary>A fact that needs the native executable; skipped, with the reason, when QUOTEEXTRACT_NATIVE_TOOL names none.</summary>
internal sealed class NativeToolFactAttribute : FactAttribute
{
    public NativeToolFactAttribute()
    {
        Skip = NativeToolTests.SkipReason;
    }
}
