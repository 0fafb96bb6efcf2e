using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace QuoteExtract.Cli;

/// <summary>
/// Runs a function over a stream of items on several threads and hands the results on in input order.
/// The source is read lazily and at most twice the degree of parallelism are in flight, so memory stays
/// flat however long the input is.
/// </summary>
internal static class OrderedParallel
{
    /// <param name="source">The items, read lazily on the calling thread.</param>
    /// <param name="work">The work per item; runs on at most <paramref name="degree"/> threads at once.</param>
    /// <param name="sink">Receives the results in input order, on the calling thread.</param>
    /// <param name="degree">How many items are worked on at once.</param>
    /// <param name="whenIdle">Called on the calling thread before it waits for a result that is not ready (e.g. to flush output).</param>
    public static void ForEach<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, Action<TOut> sink, int degree, Action? whenIdle = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        if (degree == 1)
        {
            foreach (TIn item in source)
            {
                sink(work(item));
            }

            return;
        }

        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, degree).ConcurrentScheduler;
        var pending = new Queue<Task<TOut>>(2 * degree);
        foreach (TIn item in source)
        {
            pending.Enqueue(Task.Factory.StartNew(() => work(item), CancellationToken.None, TaskCreationOptions.None, scheduler));
            while (pending.Count > 0 && (pending.Count >= 2 * degree || pending.Peek().IsCompleted))
            {
                Drain(pending, sink, whenIdle);
            }
        }

        while (pending.Count > 0)
        {
            Drain(pending, sink, whenIdle);
        }
    }

    private static void Drain<TOut>(Queue<Task<TOut>> pending, Action<TOut> sink, Action? whenIdle)
    {
        Task<TOut> head = pending.Dequeue();
        if (!head.IsCompleted)
        {
            whenIdle?.Invoke();
        }

        sink(head.GetAwaiter().GetResult());
    }
}
