using System;
using System.Collections.Generic;
using Microsoft.ML.Tokenizers;

namespace QuoteExtract.Text;

/// <summary>Adapts <see cref="NewsTokenizer"/> to Microsoft.ML.Tokenizers' <see cref="PreTokenizer"/>.</summary>
internal sealed class NewsPreTokenizer(NewsTokenizer tokenizer) : PreTokenizer
{
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return Enumerate(tokenizer, text);
    }

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text)
    {
        // A span cannot live in an iterator: collect the pairs.
        var result = new List<(int Offset, int Length)>(text.Length / 5 + 1);
        foreach (Token token in tokenizer.EnumerateTokens(text))
        {
            result.Add((token.Start, token.Length));
        }

        return result;
    }

    private static IEnumerable<(int Offset, int Length)> Enumerate(NewsTokenizer tokenizer, string text)
    {
        // Tokens are taken in batches: an iterator cannot hold the span enumerator across a yield.
        var batch = new Token[256];
        int position = 0;
        while (true)
        {
            int count = tokenizer.Tokenize(text.AsSpan(), position, batch, out position);
            for (int i = 0; i < count; i++)
            {
                yield return (batch[i].Start, batch[i].Length);
            }

            if (count < batch.Length)
            {
                yield break;
            }
        }
    }
}
