using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace QuoteExtract.Cli.Eval;

/// <summary>Writes scores as Python's <c>json.dumps</c> writes the scorers' dicts: same keys, order, spacing and digits.</summary>
internal static class PyJson
{
    /// <summary>score_quotes.py's output.</summary>
    public static string SeedScores(ScoreCounts quoted, ScoreCounts reported) =>
        Format([("quoted", quoted), ("reported", reported)], spanF1: false);

    /// <summary>score_polnear.py's output (with span_f1); no entries when there was no document.</summary>
    public static string PolnearScores(IReadOnlyList<(string Name, ScoreCounts Counts)> scores) => Format(scores, spanF1: true);

    private static string Format(IReadOnlyList<(string Name, ScoreCounts Counts)> scores, bool spanF1)
    {
        var sb = new StringBuilder("{");
        for (int i = 0; i < scores.Count; i++)
        {
            (string name, ScoreCounts c) = scores[i];
            sb.Append(i == 0 ? "" : ", ").Append('"').Append(name).Append("\": {")
              .Append("\"gold\": ").Append(c.Gold.ToString(CultureInfo.InvariantCulture))
              .Append(", \"predicted\": ").Append(c.Predicted.ToString(CultureInfo.InvariantCulture))
              .Append(", \"precision\": ").Append(Round3(c.Precision))
              .Append(", \"recall\": ").Append(Round3(c.Recall));
            if (spanF1)
            {
                sb.Append(", \"span_f1\": ").Append(Round3(c.SpanF1));
            }

            sb.Append(", \"attribution_accuracy\": ").Append(Round3(c.AttributionAccuracy))
              .Append(", \"end_to_end_f1\": ").Append(Round3(c.EndToEndF1))
              .Append('}');
        }

        return sb.Append('}').ToString();
    }

    /// <summary><c>repr(round(x, 3))</c>.</summary>
    public static string Round3(double x) => Repr(Round(x, 3));

    /// <summary>
    /// Python's round(x, digits): the exact binary value of x rounded half to even at the decimal digit, then
    /// read back as the nearest double. Math.Round scales by a power of ten first and can differ in the last place.
    /// </summary>
    public static double Round(double x, int digits)
    {
        if (x == 0 || !double.IsFinite(x))
        {
            return x;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFF;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075; // |x| = mantissa · 2^exponent exactly
        BigInteger numerator = mantissa * BigInteger.Pow(10, digits);
        BigInteger denominator = BigInteger.One;
        if (exponent > 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        BigInteger quotient = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        int half = (remainder * 2).CompareTo(denominator);
        if (half > 0 || (half == 0 && !quotient.IsEven))
        {
            quotient += 1;
        }

        string text = (negative ? "-" : "") + quotient.ToString(CultureInfo.InvariantCulture) + "e-" + digits.ToString(CultureInfo.InvariantCulture);
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>repr(float) for the values a score takes (0 to 1): shortest round-trip digits, ".0" on whole numbers.</summary>
    public static string Repr(double x)
    {
        string s = x.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal))
        {
            s = FormatExponent(s); // both switch to an exponent below 1e-4; Python writes 1e-05 for 1E-05
        }

        return s.Contains('.', StringComparison.Ordinal) || s.Contains('e', StringComparison.Ordinal) ? s : s + ".0";
    }

    private static string FormatExponent(string dotnet)
    {
        // .NET: 1E-05, 1.5E-07; Python: 1e-05, 1.5e-07.
        int e = dotnet.IndexOf('E', StringComparison.Ordinal);
        string mantissa = dotnet[..e];
        int exponent = int.Parse(dotnet[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }
}
