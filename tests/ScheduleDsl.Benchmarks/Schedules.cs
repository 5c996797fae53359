using System;

namespace ScheduleDsl.Benchmarks
{
    [Schedule("lr 1e-2: step 0.8 every 2")]
    public partial struct TutorialGenerated;

    [Schedule("lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5")]
    public partial struct WarmupCosineGenerated;

    [Schedule("lr 0.006 per step: cyclic triangular2 0.001 to 0.006 up 2000")]
    public partial struct CyclicGenerated;

    [Schedule("lr 0.05: restarts 10 mult 2 decay 0.5 to 1e-4")]
    public partial struct RestartsGenerated;

    /// <summary>What a user would write by hand for each schedule, as plain static methods (the fastest form a user can write).</summary>
    public static class HandWritten
    {
        public static double Tutorial(long t) => 0.01 * Math.Pow(0.8, t / 2);

        public static double WarmupCosine(long t) =>
            t < 500 ? 0.001 + (0.1 - 0.001) * t / 500.0
            : t < 10000 ? 1e-5 + (0.1 - 1e-5) * (1 + Math.Cos(Math.PI * (t - 500) / 9500.0)) / 2
            : 1e-5;

        public static double Cyclic(long t)
        {
            long cycle = t / 4000, position = t % 4000;
            double x = position <= 2000 ? position / 2000.0 : (4000 - position) / 2000.0;
            return 0.001 + (0.006 - 0.001) * x / Math.Pow(2, cycle);
        }

        public static double Restarts(long t)
        {
            long start = 0, length = 10, cycle = 0;
            while (t - start >= length)
            {
                start += length;
                length *= 2;
                cycle++;
            }

            double peak = Math.Max(0.05 * Math.Pow(0.5, cycle), 1e-4);
            return 1e-4 + (peak - 1e-4) * (1 + Math.Cos(Math.PI * (t - start) / length)) / 2;
        }
    }
}
