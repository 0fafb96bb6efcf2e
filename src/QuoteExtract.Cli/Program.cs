using System;
using System.IO;
using System.Text;

namespace QuoteExtract.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 1 << 16);
        using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return CliApp.Run(args, stdin, stdout, stderr, stderrIsTerminal: !Console.IsErrorRedirected);
    }
}
