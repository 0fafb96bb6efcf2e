namespace QuoteExtract;

/// <summary>How much of a text <see cref="ExtractorPipeline"/> tags and parses (<see cref="ExtractorOptions.Syntax"/>).</summary>
public enum SyntaxScope
{
    /// <summary>No syntax: <see cref="Analysis.Syntax"/> is empty.</summary>
    None,

    /// <summary>
    /// Every token gets its part of speech; the sentences that attribution reads are parsed: those with a quote
    /// mark, a reporting verb or phrase (said, told, according to), a verb of thought or evidence (believe,
    /// show), a noun of speech (claim, warning), or a colon. The default.
    /// </summary>
    Attribution,

    /// <summary>Every token is tagged and every sentence parsed.</summary>
    All,
}
