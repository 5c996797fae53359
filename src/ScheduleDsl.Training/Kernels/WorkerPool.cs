using System;
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
    internal sealed unsafe class WorkerPool
    {
        // SemaphoreSlim allocates its lock object up front; ManualResetEventSlim allocates one the first time a wait blocks,
        // which would show up as an allocation in some training step.
        private readonly SemaphoreSlim[] _start;
        private readonly SemaphoreSlim _done = new SemaphoreSlim(0);
        private readonly object _gate = new object();
        private void* _job;
        private delegate*<void*, int, int, void> _invoke;
        private int _pending;
        private int _parts;
        private Exception? _failure;

        private WorkerPool(int workers)
        {
            Workers = Math.Max(1, workers);
            _start = new SemaphoreSlim[Workers - 1];
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
                _pending = parts - 1;
                _parts = parts;
                for (int w = 0; w < parts - 1; w++)
                {
                    _start[w].Release();
                }

                job.Execute(0, parts);
                _done.Wait();
                _job = null;
                if (_failure != null)
                {
                    ExceptionDispatchInfo.Capture(_failure).Throw();
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Invoke<TJob>(void* job, int part, int parts)
            where TJob : struct, IWorkerJob => Unsafe.AsRef<TJob>(job).Execute(part, parts);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Loop(int part)
        {
            SemaphoreSlim start = _start[part - 1];
            while (true)
            {
                start.Wait();
                try
                {
                    _invoke(_job, part, _parts);
                }
                catch (Exception e)
                {
                    _failure = e;
                }

                if (Interlocked.Decrement(ref _pending) == 0)
                {
                    _done.Release();
                }
            }
        }
    }
}
