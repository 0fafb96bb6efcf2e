using System.Diagnostics;
using System.Threading.Tasks;
using System.IO;
using System.Text;
using QuoteExtract.Cli;

namespace QuoteExtract.Tests.Cli;

/// <summary>What one in-process run of the tool gave.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs quote-extract in process, and finds the repository, ../shared and python3.</summary>
internal static class CliHost
{
    public static CliResult Run(params string[] args) => RunWithInput("", args);

    public static CliResult RunWithInput(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApp.Run(args, input, output, error);
        return new CliResult(code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }

    /// <summary>The folder that holds QuoteExtract.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>samples/article.txt, the sample article.</summary>
    public static string SampleArticle => Path.Combine(RepoRoot, "samples", "article.txt");

    /// <summary>../shared from the repository, or null when it is absent (a user's fresh clone).</summary>
    public static string? Shared { get; } =
        Directory.Exists(Path.Combine(RepoRoot, "..", "shared", "eval")) ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")) : null;

    /// <summary>python3 on the PATH, or null.</summary>
    public static string? Python { get; } = FindOnPath("python3");

    /// <summary>Why the scorer-agreement tests cannot run here, or null when they can.</summary>
    public static string? PythonOrSharedMissing =>
        Shared is null ? "../shared (the corpora and the Python scorers) is not next to the repository"
        : Python is null ? "python3 is not on the PATH: the Python scorers cannot run"
        : null;

    public static string SharedPath(params string[] parts) => Path.Combine([Shared!, .. parts]);

    /// <summary>Runs a Python scorer; returns its standard output, trimmed.</summary>
    public static string RunPython(params string[] args)
    {
        var start = new ProcessStartInfo(Python!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "python3 did not finish in two minutes");
        Assert.True(process.ExitCode == 0, $"python3 {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Trim();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuoteExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QuoteExtract.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string candidate in new[] { Path.Combine(dir, name), Path.Combine(dir, name + ".exe") })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that needs ../shared and python3; skipped, with the reason, when either is missing.</summary>
internal sealed class PythonScorerFactAttribute : FactAttribute
{
    public PythonScorerFactAttribute()
    {
        Skip = CliHost.PythonOrSharedMissing;
    }
}

/// <summary>A fact that needs ../shared (the seed article, the corpora); skipped, with the reason, when it is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        Skip = CliHost.Shared is null ? "../shared (seed article and corpora) is not next to the repository: a fresh clone has no data to score." : null;
    }
}
