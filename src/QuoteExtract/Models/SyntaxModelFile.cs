using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using QuoteExtract.Syntax;

namespace QuoteExtract.Models;

/// <summary>
/// The syntax model: the part-of-speech tagger's table, the parser's action and relation tables and the relation
/// names. Stored like the entity model: a magic, a format version, then deflated data (8-bit weights, empty rows
/// skipped), checked whole on load.
/// </summary>
internal sealed class SyntaxModelFile
{
    /// <summary>What errors call this kind of model.</summary>
    internal const string Kind = "syntax model";

    private const byte FormatVersion = 1;
    private const int MaxRelationBytes = 64;
    private static readonly byte[] Magic = "QXSYN"u8.ToArray();

    public SyntaxModelFile(PosTagger tagger, DependencyParser parser, string description)
    {
        Tagger = tagger;
        Parser = parser;
        Description = description;
    }

    public PosTagger Tagger { get; }

    public DependencyParser Parser { get; }

    public string Description { get; }

    /// <summary>The tagger's and the parser's feature versions in one number: a model is refused by another.</summary>
    public static int FeatureVersion => (PosTagger.FeatureVersion * 1000) + ParserFeatures.Version;

    public void Write(Stream stream)
    {
        stream.Write(Magic);
        stream.WriteByte(FormatVersion);
        using var deflate = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var writer = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true);
        writer.Write(FeatureVersion);
        writer.Write(Description);
        writer.Write(Parser.Relations.Length);
        foreach (string relation in Parser.Relations)
        {
            writer.Write(relation);
        }

        WeightTableFormat.Write(writer, Tagger.First);
        WeightTableFormat.Write(writer, Tagger.Second);
        WeightTableFormat.Write(writer, Parser.Actions);
        WeightTableFormat.Write(writer, Parser.LabelTable);
    }

    /// <summary>Reads a model written by <see cref="Write"/>; <paramref name="fileName"/> (null for a stream) is named in errors.</summary>
    /// <exception cref="InvalidModelException">The stream does not hold a syntax model this library can use.</exception>
    public static SyntaxModelFile Read(Stream stream, string? fileName) =>
        NerModel.ReadContainer(stream, fileName, Magic, FormatVersion, Kind, ReadBody);

    private static SyntaxModelFile ReadBody(BinaryReader reader, string? fileName)
    {
        int featureVersion = reader.ReadInt32();
        if (featureVersion != FeatureVersion)
        {
            throw InvalidModelException.For(
                fileName,
                $"was trained with feature-set version {featureVersion}; this library reads feature-set version {FeatureVersion} (retrain the model)",
                kind: Kind);
        }

        string description = NerModel.ReadDescription(reader, fileName, Kind);
        int count = reader.ReadInt32();
        if (count is < 2 or > 64)
        {
            throw NerModel.Corrupt(fileName, $"{count} relations; a model has 2 to 64 (root and at least one other)", kind: Kind);
        }

        var relations = new string[count];
        for (int i = 0; i < count; i++)
        {
            int length;
            try
            {
                length = reader.Read7BitEncodedInt();
            }
            catch (FormatException ex)
            {
                throw NerModel.Corrupt(fileName, $"relation {i + 1}'s length is malformed", ex, Kind);
            }

            if (length is < 1 or > MaxRelationBytes)
            {
                throw NerModel.Corrupt(fileName, $"relation {i + 1} is {length} bytes long", kind: Kind);
            }

            byte[] bytes = NerModel.ReadExactly(reader, length);
            foreach (byte b in bytes)
            {
                if (b is < (byte)'!' or > (byte)'~')
                {
                    throw NerModel.Corrupt(fileName, $"relation {i + 1} is not a relation name", kind: Kind);
                }
            }

            relations[i] = string.Intern(Encoding.ASCII.GetString(bytes));
            if (Array.IndexOf(relations, relations[i], 0, i) >= 0)
            {
                throw NerModel.Corrupt(fileName, $"relation '{relations[i]}' is there twice", kind: Kind);
            }
        }

        if (Array.IndexOf(relations, "root") < 0)
        {
            throw NerModel.Corrupt(fileName, "the relations do not include root", kind: Kind);
        }

        QuantizedTable tags = WeightTableFormat.Read(reader, "tagger", UniversalPosTags.Count, fileName);
        QuantizedTable tags2 = WeightTableFormat.Read(reader, "second tagger", UniversalPosTags.Count, fileName);
        QuantizedTable actions = WeightTableFormat.Read(reader, "action", 3, fileName);
        QuantizedTable labels = WeightTableFormat.Read(reader, "relation", count, fileName);
        return new SyntaxModelFile(new PosTagger(tags, tags2), new DependencyParser(actions, labels, relations), description);
    }
}
