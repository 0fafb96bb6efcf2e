namespace QuoteExtract.Cli;

/// <summary>The process exit codes; --help lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Every document was analysed (or scored).</summary>
    public const int Ok = 0;

    /// <summary>Some documents failed: a malformed JSON Lines input line, or a text the extractor refused.</summary>
    public const int DocumentsFailed = 1;

    /// <summary>The command line is wrong: unknown option, missing or extra argument, bad value.</summary>
    public const int Usage = 2;

    /// <summary>A file could not be read, a gold, prediction, model or --pretokenized CoNLL-U file is not in the expected format, or the output could not be written.</summary>
    public const int InputError = 3;
}
