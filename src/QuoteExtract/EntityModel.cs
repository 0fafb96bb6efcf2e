using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using QuoteExtract.Entities;
using QuoteExtract.Models;

namespace QuoteExtract;

/// <summary>
/// A model of the entity tagger: the one embedded in the library (<see cref="Default"/>), or one written by
/// the training tool (src/QuoteExtract.Training) and loaded with <see cref="Load(string)"/>. A model is
/// read whole when it is loaded, then immutable: load it once and give it to any number of pipelines
/// (<see cref="ExtractorOptions.EntityModel"/>) on any number of threads.
/// </summary>
public sealed class EntityModel
{
    private static readonly Lazy<EntityModel> DefaultModel = new(() => new EntityModel(EntityRecognizer.Default, null), LazyThreadSafetyMode.ExecutionAndPublication);

    private EntityModel(EntityRecognizer recognizer, string? fileName)
    {
        Recognizer = recognizer;
        FileName = fileName;
        Description = recognizer.Model.Description;
        Labels = [.. recognizer.Model.Labels.Names];
    }

    /// <summary>The model embedded in the library (models/ner-en.bin), loaded on first use.</summary>
    public static EntityModel Default => DefaultModel.Value;

    /// <summary>The full path of the file the model was loaded from; null for the embedded model or a stream that is not a file.</summary>
    public string? FileName { get; }

    /// <summary>The description written at training time (corpora, seed).</summary>
    public string Description { get; }

    /// <summary>The tagger's labels: O, then B- and I- (and, in the BILOU scheme, L- and U-) of PER, ORG, LOC and MISC.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>The tagger with this model; thread-safe.</summary>
    internal EntityRecognizer Recognizer { get; }

    /// <summary>Loads a model file written by the training tool.</summary>
    /// <param name="path">The file; a relative path is relative to the current directory, as for <see cref="File.OpenRead(string)"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="FileNotFoundException">The file (or its folder) does not exist; <see cref="FileNotFoundException.FileName"/> is its full path.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read; the message names it.</exception>
    /// <exception cref="IOException">The path is a directory, or the file cannot be read; the message names it.</exception>
    /// <exception cref="InvalidModelException">The file is not a model this library can use (not a model, truncated, corrupt, another format or feature-set version); the message names the file and the problem.</exception>
    public static EntityModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        using FileStream stream = ModelFiles.Open(fullPath, "entity model");
        try
        {
            return new EntityModel(new EntityRecognizer(NerModel.Read(stream, fullPath)), fullPath);
        }
        catch (IOException ex)
        {
            throw new IOException($"The entity model file '{fullPath}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Loads a model written by the training tool from a stream, read from its current position.</summary>
    /// <param name="stream">The model's bytes; the caller disposes of it.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="InvalidModelException">The stream does not hold a model this library can use; the message names the stream's file when it is a <see cref="FileStream"/>.</exception>
    public static EntityModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        string? fileName = (stream as FileStream)?.Name;
        return new EntityModel(new EntityRecognizer(NerModel.Read(stream, fileName)), fileName);
    }
}
