using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using System.Threading;
using QuoteExtract.Models;
using QuoteExtract.Syntax;

namespace QuoteExtract;

/// <summary>
/// A model of the syntax stage — a part-of-speech tagger and a dependency parser trained on Universal Dependencies
/// English-EWT: the one embedded in the library (<see cref="Default"/>), or one written by the training tool
/// (src/QuoteExtract.Training) and loaded with <see cref="Load(string)"/>. Read whole when loaded, then immutable:
/// load it once and give it to any number of pipelines (<see cref="ExtractorOptions.SyntaxModel"/>) on any number of threads.
/// </summary>
public sealed class SyntaxModel
{

    private static readonly Lazy<SyntaxModel> DefaultModel = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private SyntaxModel(SyntaxModelFile file, string? fileName)
    {
        Analyzer = new SyntaxAnalyzer(file);
        FileName = fileName;
        Description = file.Description;
        Relations = [.. file.Parser.Relations];
    }

    /// <summary>The model embedded in the library (models/syntax-en.bin), loaded on first use.</summary>
    public static SyntaxModel Default => DefaultModel.Value;

    /// <summary>The full path of the file the model was loaded from; null for the embedded model or a stream that is not a file.</summary>
    public string? FileName { get; }

    /// <summary>The description written at training time (treebank, licence, scores).</summary>
    public string Description { get; }

    /// <summary>The dependency relations the parser assigns, with their subtypes (nsubj, nsubj:pass, obl:agent, …).</summary>
    public ImmutableArray<string> Relations { get; }

    /// <summary>The tagger and parser; thread-safe.</summary>
    internal SyntaxAnalyzer Analyzer { get; }

    /// <summary>
    /// Tags and parses one sentence given as its words (Penn-style tokens, as in CoNLL-U: do + n't, Iran + 's).
    /// The result has one entry per word; <see cref="TokenSyntax.Head"/> is an index into <paramref name="words"/>,
    /// -1 for the one root. Thread-safe.
    /// </summary>
    /// <param name="words">The sentence's words, in order.</param>
    /// <returns>The syntax of each word: one tree, with exactly one root.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="words"/> or one of its words is null.</exception>
    /// <exception cref="ArgumentException">A word is empty.</exception>
    public ImmutableArray<TokenSyntax> Parse(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] is null)
            {
                throw new ArgumentNullException(nameof(words), $"Word {i} is null.");
            }

            if (words[i].Length == 0)
            {
                throw new ArgumentException($"Word {i} is empty.", nameof(words));
            }
        }

        return words.Count == 0 ? [] : System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(Analyzer.Parse(words));
    }

    /// <summary>Loads a model file written by the training tool.</summary>
    /// <param name="path">The file; a relative path is relative to the current directory, as for <see cref="File.OpenRead(string)"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="FileNotFoundException">The file (or its folder) does not exist; <see cref="FileNotFoundException.FileName"/> is its full path.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read; the message names it.</exception>
    /// <exception cref="IOException">The path is a directory, or the file cannot be read; the message names it.</exception>
    /// <exception cref="InvalidModelException">The file is not a syntax model this library can use (not a model, truncated, corrupt, another format or feature-set version); the message names the file and the problem.</exception>
    public static SyntaxModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        using FileStream stream = ModelFiles.Open(fullPath, "syntax model");
        try
        {
            return new SyntaxModel(SyntaxModelFile.Read(stream, fullPath), fullPath);
        }
        catch (IOException ex)
        {
            throw new IOException($"The syntax model file '{fullPath}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Loads a model written by the training tool from a stream, read from its current position.</summary>
    /// <param name="stream">The model's bytes; the caller disposes of it.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="InvalidModelException">The stream does not hold a syntax model this library can use; the message names the stream's file when it is a <see cref="FileStream"/>.</exception>
    public static SyntaxModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        string? fileName = (stream as FileStream)?.Name;
        return new SyntaxModel(SyntaxModelFile.Read(stream, fileName), fileName);
    }

    private static SyntaxModel LoadEmbedded()
    {
        using Stream stream = ModelResources.Open(ModelResources.SyntaxModel)
            ?? throw new InvalidOperationException($"The library was built without its syntax model ({ModelResources.SyntaxModel}); train one with src/QuoteExtract.Training (see models/README.md).");
        return new SyntaxModel(SyntaxModelFile.Read(stream, null), null);
    }
}
