using System;
using System.Threading;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>
    /// The pool's hand-off between spinning and sleeping workers: every part of every job runs exactly once whether the
    /// workers were spinning (back-to-back jobs) or asleep (after a pause longer than their spin), and a failure reaches
    /// the caller without stopping the pool.
    /// </summary>
    public class WorkerPoolTests
    {
        private static int[] s_counts = Array.Empty<int>();

        private struct CountingJob : IWorkerJob
        {
            public int Job;
            public int FailingPart;

            public void Execute(int part, int parts)
            {
                if (part == FailingPart)
                {
                    throw new InvalidOperationException("part " + part + " failed");
                }

                Interlocked.Increment(ref s_counts[Job * 8 + part]);
                Interlocked.Add(ref s_counts[Job * 8 + 7], parts);
            }
        }

        [Fact]
        public void EveryPartRunsOnceAfterSpinningAndAfterSleeping()
        {
            const int jobs = 600;
            int[] counts = s_counts = new int[jobs * 8];
            var random = new Random(3);
            int workers = WorkerPool.Shared.Workers;
            var expectedParts = new int[jobs];
            for (int j = 0; j < jobs; j++)
            {
                // Mostly back to back, sometimes a pause past the workers' 0.5 ms spin so they sleep.
                if (random.Next(10) == 0)
                {
                    Thread.Sleep(2);
                }

                int maxParts = 1 + random.Next(workers + 1);
                expectedParts[j] = Math.Min(workers, maxParts);
                var job = new CountingJob { Job = j, FailingPart = -1 };
                WorkerPool.Shared.Run(ref job, maxParts);
            }

            for (int j = 0; j < jobs; j++)
            {
                int parts = expectedParts[j];
                for (int part = 0; part < 7; part++)
                {
                    Assert.Equal(part < parts ? 1 : 0, counts[j * 8 + part]);
                }

                Assert.Equal(parts * parts, counts[j * 8 + 7]);
            }
        }

        private static int s_slowPartDone;

        /// <summary>Part 0 (the caller's) fails at once; the other part is still running.</summary>
        private struct CallerFailsFirstJob : IWorkerJob
        {
            public void Execute(int part, int parts)
            {
                if (part == 0)
                {
                    throw new InvalidOperationException("the caller's part failed");
                }

                Thread.Sleep(50);
                Volatile.Write(ref s_slowPartDone, 1);
            }
        }

        /// <summary>
        /// When the caller's own part throws, Run still waits for the other workers before it rethrows: they read the job
        /// on the caller's stack and write buffers the caller pins only until Run returns (the trainer's gather copied rows
        /// into a test's freed buffer when a sample outside the data fell in the caller's part).
        /// </summary>
        [Fact]
        public void WhenTheCallersPartFailsRunStillWaitsForTheOthers()
        {
            if (WorkerPool.Shared.Workers < 2)
            {
                return;
            }

            Volatile.Write(ref s_slowPartDone, 0);
            var job = new CallerFailsFirstJob();
            var error = Assert.Throws<InvalidOperationException>(() => WorkerPool.Shared.Run(ref job, 2));
            Assert.Equal("the caller's part failed", error.Message);
            Assert.Equal(1, Volatile.Read(ref s_slowPartDone));
        }

        [Fact]
        public void AFailingPartReachesTheCallerAndThePoolGoesOn()
        {
            if (WorkerPool.Shared.Workers < 2)
            {
                return;
            }

            s_counts = new int[2 * 8];
            var failing = new CountingJob { Job = 0, FailingPart = 1 };
            var error = Assert.Throws<InvalidOperationException>(() => WorkerPool.Shared.Run(ref failing, 2));
            Assert.Equal("part 1 failed", error.Message);
            var next = new CountingJob { Job = 1, FailingPart = -1 };
            WorkerPool.Shared.Run(ref next, 2);
            Assert.Equal(1, s_counts[8]);
            Assert.Equal(1, s_counts[9]);
        }
    }
}
