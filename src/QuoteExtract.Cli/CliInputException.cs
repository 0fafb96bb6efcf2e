using System;

namespace QuoteExtract.Cli;

/// <summary>A file could not be read or is not in the expected format; the message says which and where.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException()
    {
    }

    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
