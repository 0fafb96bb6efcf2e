using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace QuoteExtract.Tests.Packaging;

/// <summary>What a child process printed (standard output and error, interleaved by line) and how it ended.</summary>
internal sealed record ChildResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>What a child process wrote on standard output and on standard error, byte for byte, and its exit code.</summary>
internal sealed record RawChildResult(int ExitCode, byte[] Stdout, byte[] Stderr);

/// <summary>Runs the dotnet CLI as a child process, isolated from the test host's own build environment.</summary>
internal static class ChildProcess
{
    /// <summary>The dotnet executable that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    public static string DotnetExecutable { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <paramref name="file"/> (see <see cref="StartInfo"/>) and waits at most <paramref name="timeout"/>.</summary>
    public static ChildResult Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        ProcessStartInfo start = StartInfo(file, args, workingDirectory, environment);
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;

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

    /// <summary>
    /// Runs <paramref name="file"/> with an empty standard input, waits at most <paramref name="timeout"/> and
    /// returns its standard output and error as the bytes it wrote (no decoding, no line splitting).
    /// </summary>
    public static RawChildResult RunRaw(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        ProcessStartInfo start = StartInfo(file, args, workingDirectory, environment: null);
        start.RedirectStandardInput = true;
        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        Task copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{file} {string.Join(' ', start.ArgumentList)} did not finish in {timeout.TotalSeconds:0} s");
        }

        Assert.True(Task.WaitAll([copyOut, copyErr], TimeSpan.FromSeconds(10)), $"{file}: its output streams stayed open after it exited");
        return new RawChildResult(process.ExitCode, stdout.ToArray(), stderr.ToArray());
    }

    /// <summary>
    /// Redirected output and error; MSBuild node reuse, the MSBuild server and the compiler server are off, so
    /// that no process outlives the command holding its output open; the MSBuild variables the test host
    /// inherited from 'dotnet test' are removed.
    /// </summary>
    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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

        return start;
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
