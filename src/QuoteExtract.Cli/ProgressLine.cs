using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace QuoteExtract.Cli;

/// <summary>
/// A progress line on a terminal's standard error, rewritten in place at most once per interval:
/// documents done and documents per second over the last interval; a closing line with the totals.
/// </summary>
internal sealed class ProgressLine(TextWriter terminal, TimeSpan interval)
{
    /// <summary>ANSI: erase from the cursor to the end of the line (what is left of a longer line before).</summary>
    private const string EraseLine = "\u001b[K";

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;
    private long _doneAtLastReport;
    private TimeSpan _lastReport;
    private bool _shown;

    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>One more document; redraws the line when the interval has passed.</summary>
    public void Advance()
    {
        _done++;
        TimeSpan now = _clock.Elapsed;
        if (now - _lastReport < interval)
        {
            return;
        }

        double seconds = Math.Max((now - _lastReport).TotalSeconds, 1e-9);
        Write(string.Create(CultureInfo.InvariantCulture, $"\r{Documents(_done)}, {(_done - _doneAtLastReport) / seconds:N0}/s{EraseLine}"));
        _lastReport = now;
        _doneAtLastReport = _done;
        _shown = true;
    }

    /// <summary>Removes the line, so that a message can take its place; the next report draws it again.</summary>
    public void Clear()
    {
        if (_shown)
        {
            Write("\r" + EraseLine);
            _shown = false;
        }
    }

    /// <summary>Replaces the line with the totals.</summary>
    public void Finish()
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\r{Documents(_done)} in {seconds:0.0} s, {(seconds > 0 ? _done / seconds : 0):N0}/s{EraseLine}{Environment.NewLine}"));
        _shown = false;
    }

    private static string Documents(long n) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} document{(n == 1 ? "" : "s")}");

    private void Write(string text)
    {
        terminal.Write(text);
        terminal.Flush();
    }
}
