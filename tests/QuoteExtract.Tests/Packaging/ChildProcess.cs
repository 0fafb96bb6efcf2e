using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace QuoteExtract.Tests.Packaging;

/// <summary>What a child process printed (standard output and error, interleaved by line) and how it ended.</summary>
internal sealed record ChildResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>Runs the dotnet CLI as a child process, isolated from the test host's own build environment.</summary>
internal static class ChildProcess
{
    /// <summary>The dotnet executable that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    public static string DotnetExecutable { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// Runs <paramref name="file"/> and waits at most <paramref name="timeout"/>. MSBuild node reuse, the MSBuild
    /// server and the compiler server are off, so that no process outlives the command holding its output open;
    /// the MSBuild variables the test host inherited from 'dotnet test' are removed.
    /// </summary>
    public static ChildResult Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var outputDone = new TaskCompletionSource();
        var errorDone = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data, outputDone);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data, errorDone);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish in {timeout.TotalSeconds:0} s:\n{Text(output)}");
        }

        // The streams close when the process ends; a grandchild that kept them open must not hang the test.
        Task.WaitAll([outputDone.Task, errorDone.Task], TimeSpan.FromSeconds(10));
        return new ChildResult(process.ExitCode, Text(output), clock.Elapsed);
    }

    /// <summary>Runs the dotnet CLI and fails the test, with everything it printed, unless it exits with 0.</summary>
    public static ChildResult RunDotnet(IEnumerable<string> args, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] list = args.ToArray();
        ChildResult result = Run(DotnetExecutable, list, workingDirectory, timeout, environment);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', list)} exited with {result.ExitCode}:\n{result.Output}");
        return result;
    }

    private static void Append(StringBuilder output, string? line, TaskCompletionSource done)
    {
        if (line is null)
        {
            done.TrySetResult();
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
