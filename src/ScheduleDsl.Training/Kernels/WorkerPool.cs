using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>A piece of work split into parts; part 0 runs on the calling thread.</summary>
    internal interface IWorkerJob
    {
        void Execute(int part, int parts);
    }

    /// <summary>
    /// Long-lived worker threads (one per core, the caller being one of them) that run a job's parts without allocating:
    /// the job stays on the caller's stack and is reached through a pointer and a function pointer, where
    /// <c>Parallel.For</c> would allocate closures and task state on every training step.
    /// </summary>
    /// <remarks>
    /// Between two jobs a worker spins for up to <see cref="SpinMicroseconds"/> before it sleeps on its semaphore: a
    /// training step hands out a job every few dozen to few hundred microseconds, and waking a sleeping thread costs
    /// 20–35 µs on a virtual machine (measured by <c>--step-parts</c>), against about 1 µs for a spinning one. A worker
    /// about to sleep says so in its flag, and <see cref="Run"/> releases the semaphore only of workers that did, so no
    /// release is ever lost or left over.
    /// </remarks>
    internal sealed unsafe class WorkerPool
    {
        private const double SpinMicroseconds = 500;

        // SemaphoreSlim allocates its lock object up front; ManualResetEventSlim allocates one the first time a wait blocks,
        // which would show up as an allocation in some training step.
        private readonly SemaphoreSlim[] _start;
        private readonly int[] _sleeping;
        private readonly object _gate = new object();
        private readonly long _spinTicks = (long)(SpinMicroseconds * 1e-6 * Stopwatch.Frequency);
        private void* _job;
        private delegate*<void*, int, int, void> _invoke;
        private int _generation;
        private int _pending;
        private int _parts;
        private Exception? _failure;

        private WorkerPool(int workers)
        {
            Workers = Math.Max(1, workers);
            _start = new SemaphoreSlim[Workers - 1];
            _sleeping = new int[Workers - 1];
            for (int w = 0; w < _start.Length; w++)
            {
                _start[w] = new SemaphoreSlim(0);
                int part = w + 1;
                var thread = new Thread(() => Loop(part)) { IsBackground = true, Name = "ScheduleDsl.Training worker " + part };
                thread.Start();
            }
        }

        public static WorkerPool Shared { get; } = new WorkerPool(Environment.ProcessorCount);

        /// <summary>Threads that take part in a job, the caller included.</summary>
        public int Workers { get; }

        /// <summary>
        /// Part <paramref name="part"/> of <paramref name="parts"/> of <paramref name="count"/> items cut only on multiples of
        /// <paramref name="unit"/> (whole tiles, bands, cache lines), as equal as that allows; the last part ends at
        /// <paramref name="count"/>, and a part may be empty.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static (int Start, int End) Share(int count, int unit, int part, int parts)
        {
            int units = (count + unit - 1) / unit;
            int start = Math.Min(count, units * part / parts * unit);
            int end = part == parts - 1 ? count : Math.Min(count, units * (part + 1) / parts * unit);
            return (start, end);
        }

        /// <summary>Runs every part of <paramref name="job"/> (as many parts as workers, at most <paramref name="maxParts"/>) and waits for all.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run<TJob>(ref TJob job, int maxParts)
            where TJob : struct, IWorkerJob
        {
            int parts = Math.Min(Workers, Math.Max(1, maxParts));
            if (parts == 1)
            {
                job.Execute(0, 1);
                return;
            }

            lock (_gate)
            {
                _job = Unsafe.AsPointer(ref job);
                _invoke = &Invoke<TJob>;
                _failure = null;
                _parts = parts;

                // Every worker answers every job, those beyond its parts with nothing, so none can still be reading this
                // job's fields when the next one is published.
                Volatile.Write(ref _pending, _start.Length);

                // Publishes the fields above to every worker (a full fence).
                Interlocked.Increment(ref _generation);
                for (int w = 0; w < _start.Length; w++)
                {
                    if (Interlocked.Exchange(ref _sleeping[w], 0) == 1)
                    {
                        _start[w].Release();
                    }
                }

                // The caller's own part may throw (a sample outside the data, say); the other workers must still be waited
                // for, as they read the job on this stack frame and write buffers the caller pinned only until it returns.
                Exception? own = null;
                try
                {
                    job.Execute(0, parts);
                }
                catch (Exception e)
                {
                    own = e;
                }

                var spinner = default(SpinWait);
                while (Volatile.Read(ref _pending) != 0)
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }

                _job = null;
                if ((own ?? _failure) is Exception failure)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Invoke<TJob>(void* job, int part, int parts)
            where TJob : struct, IWorkerJob => Unsafe.AsRef<TJob>(job).Execute(part, parts);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Loop(int part)
        {
            int index = part - 1;
            int seen = 0;
            while (true)
            {
                seen = WaitForJob(index, seen);
                int parts = _parts;
                if (part < parts)
                {
                    try
                    {
                        _invoke(_job, part, parts);
                    }
                    catch (Exception e)
                    {
                        _failure = e;
                    }
                }

                Interlocked.Decrement(ref _pending);
            }
        }

        /// <summary>Waits until a job newer than <paramref name="seen"/> is published: spinning first, then asleep. Returns its generation.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int WaitForJob(int index, int seen)
        {
            long spinUntil = Stopwatch.GetTimestamp() + _spinTicks;
            while (true)
            {
                int generation = Volatile.Read(ref _generation);
                if (generation != seen)
                {
                    return generation;
                }

                if (Stopwatch.GetTimestamp() < spinUntil)
                {
                    Thread.SpinWait(20);
                    continue;
                }

                // Say we sleep, then look once more: a job published in between either sees the flag (and releases us) or
                // was published before it, and we take back the flag ourselves.
                Interlocked.Exchange(ref _sleeping[index], 1);
                if (Volatile.Read(ref _generation) != seen && Interlocked.Exchange(ref _sleeping[index], 0) == 1)
                {
                    continue;
                }

                _start[index].Wait();
                spinUntil = Stopwatch.GetTimestamp() + _spinTicks;
            }
        }
    }
}
