using System;
using System.IO;
using System.Reflection;
using System.Text;
using QuoteExtract.Cli.Eval;

namespace QuoteExtract.Cli;

/// <summary>The whole tool behind <c>Main</c>, with its streams passed in so that tests can run it in process.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="stderrIsTerminal">Standard error is a terminal (not redirected): long runs show their progress there.</param>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false)
    {
        CliOptions? options = CliOptions.Parse(args, out string? error);
        if (options is null)
        {
            stderr.WriteLine($"quote-extract: {error}");
            stderr.WriteLine("Try 'quote-extract --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            int code = options.Command switch
            {
                CliCommand.Help => Write(stdout, options.Help),
                CliCommand.Directive => options.Directive!.Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr }),
                CliCommand.Version => Write(stdout, "quote-extract " + Version),
                CliCommand.Json => TextCommands.Json(options, stdin, stdout, stderr),
                CliCommand.JsonLines => JsonLinesCommand.Run(options, stdin, stdout, stderr, stderrIsTerminal ? new ProgressLine(stderr, ProgressLine.DefaultInterval) : null),
                CliCommand.Html => TextCommands.Html(options, stdin, stdout, stderr),
                CliCommand.Conllu => ConlluCommand.Run(options, stdin, stdout, stderr),
                CliCommand.EvalQuotes => EvalCommands.Quotes(options, stdin, stdout),
                CliCommand.EvalPolnear => EvalCommands.Polnear(options, stdout, stderr),
#if NET10_0_OR_GREATER
                CliCommand.Serve => Serve.ServeCommand.Run(options, stderr),
#else
                CliCommand.Serve => throw new System.Diagnostics.UnreachableException("the .NET 8 build's parser refuses serve"),
#endif
                _ => TextCommands.Quotes(options, stdin, stdout, stderr),
            };
            stdout.Flush();
            return code;
        }
        catch (CliInputException ex)
        {
            stderr.WriteLine($"quote-extract: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"quote-extract: input/output error: {ex.Message}");
            return ExitCodes.InputError;
        }
    }

    private static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Opens a UTF-8 file (a byte-order mark is honoured), or says clearly why it cannot.</summary>
    public static StreamReader OpenFile(string path)
    {
        try
        {
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"cannot read '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>A file, or standard input for "-".</summary>
    public static TextReader OpenInput(string path, TextReader stdin) => path == "-" ? stdin : OpenFile(path);

    /// <summary>The whole of a file, or of standard input for "-".</summary>
    public static string ReadAllText(string path, TextReader stdin)
    {
        if (path == "-")
        {
            return stdin.ReadToEnd();
        }

        using StreamReader reader = OpenFile(path);
        return reader.ReadToEnd();
    }

    private static int Write(TextWriter stdout, string text)
    {
        stdout.WriteLine(text);
        return ExitCodes.Ok;
    }
}
