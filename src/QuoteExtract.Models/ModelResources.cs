using System.IO;

namespace QuoteExtract.Models;

/// <summary>The models embedded in this assembly, by resource name (<c>QuoteExtract.Models.*</c>).</summary>
internal static class ModelResources
{
    /// <summary>The entity tagger's model.</summary>
    public const string EntityModel = "QuoteExtract.Models.ner-en.bin";

    /// <summary>The part-of-speech tagger and dependency parser.</summary>
    public const string SyntaxModel = "QuoteExtract.Models.syntax-en.bin";

    /// <summary>The census table of given names and their genders.</summary>
    public const string FirstNames = "QuoteExtract.Models.first-names.bin";

    /// <summary>Opens an embedded model, or returns null when the assembly was built without it.</summary>
    /// <param name="name">One of the names above.</param>
    public static Stream? Open(string name) => typeof(ModelResources).Assembly.GetManifestResourceStream(name);

    /// <summary>The names of the models this assembly was built with.</summary>
    public static string[] Names() => typeof(ModelResources).Assembly.GetManifestResourceNames();
}
