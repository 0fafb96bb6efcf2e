using System;

namespace QuoteExtract;

/// <summary>
/// A model file or stream (an entity or a syntax model) is not a model this library can use: not a QuoteExtract model of that kind at
/// all, truncated, corrupt, of another format version, or trained for another feature set. The message
/// names the file (or says "stream") and what is wrong with it.
/// </summary>
public sealed class InvalidModelException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidModelException()
        : base("The entity model is not a model this library can use.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and with which file.</param>
    public InvalidModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and with which file.</param>
    /// <param name="innerException">The error that revealed it (end of stream, bad compressed data), or null.</param>
    public InvalidModelException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file.</summary>
    /// <param name="message">What is wrong, and with which file.</param>
    /// <param name="fileName">The full path of the model file; null when the model came from a stream that is not a file.</param>
    /// <param name="innerException">The error that revealed it (end of stream, bad compressed data), or null.</param>
    public InvalidModelException(string message, string? fileName, Exception? innerException)
        : base(message, innerException)
    {
        FileName = fileName;
    }

    /// <summary>The full path of the model file; null when the model came from a stream that is not a file.</summary>
    public string? FileName { get; }

    /// <summary>The exception for a model read from <paramref name="fileName"/> (null: a stream) that <paramref name="problem"/>.</summary>
    /// <param name="fileName">The file's full path, or null for a stream that is not a file.</param>
    /// <param name="problem">A predicate: "is truncated", "is corrupt: …".</param>
    /// <param name="innerException">The error that revealed it, or null.</param>
    /// <param name="kind">What the model is for, as errors name it ("entity model", "syntax model").</param>
    internal static InvalidModelException For(string? fileName, string problem, Exception? innerException = null, string kind = "entity model") =>
        new($"{(fileName is null ? $"The {kind} stream" : $"The {kind} file '{fileName}'")} {problem}.", fileName, innerException);
}
