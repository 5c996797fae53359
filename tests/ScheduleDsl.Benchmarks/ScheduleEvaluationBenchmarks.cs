using System;
using BenchmarkDotNet.Attributes;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>
    /// One At(t) call, averaged over t = 0 … 4095: the generated struct, the hand-written method, and Schedule.Parse's
    /// interpreter, side by side in one run.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(warmupCount: 3, iterationCount: 12)]
    public class ScheduleEvaluationBenchmarks
    {
        private const int Times = 4096;

        [Params("tutorial", "warmup-cosine", "cyclic", "restarts")]
        public string Schedule { get; set; } = "tutorial";

        private ILearningRateSchedule _interpreted = null!;
        private Func<long, double> _handWritten = null!;

        [GlobalSetup]
        public void Setup()
        {
            string text = Schedule switch
            {
                "tutorial" => TutorialGenerated.ScheduleText,
                "warmup-cosine" => WarmupCosineGenerated.ScheduleText,
                "cyclic" => CyclicGenerated.ScheduleText,
                _ => RestartsGenerated.ScheduleText,
            };
            _interpreted = ScheduleDsl.Schedule.Parse(text);
            _handWritten = Schedule switch
            {
                "tutorial" => HandWritten.Tutorial,
                "warmup-cosine" => HandWritten.WarmupCosine,
                "cyclic" => HandWritten.Cyclic,
                _ => HandWritten.Restarts,
            };
            for (long t = 0; t < Times; t++)
            {
                if (Math.Abs(Generated(t) - _interpreted.At(t)) > 1e-12 || Math.Abs(HandWrittenStatic(t) - _interpreted.At(t)) > 1e-9)
                {
                    throw new InvalidOperationException("The three forms disagree at t = " + t);
                }
            }
        }

        private double Generated(long t) => Schedule switch
        {
            "tutorial" => default(TutorialGenerated).At(t),
            "warmup-cosine" => default(WarmupCosineGenerated).At(t),
            "cyclic" => default(CyclicGenerated).At(t),
            _ => default(RestartsGenerated).At(t),
        };

        private double HandWrittenStatic(long t) => _handWritten(t);

        [Benchmark(Baseline = true, OperationsPerInvoke = Times)]
        public double HandWrittenMethod()
        {
            double sum = 0;
            switch (Schedule)
            {
                case "tutorial":
                    for (long t = 0; t < Times; t++) sum += HandWritten.Tutorial(t);
                    break;
                case "warmup-cosine":
                    for (long t = 0; t < Times; t++) sum += HandWritten.WarmupCosine(t);
                    break;
                case "cyclic":
                    for (long t = 0; t < Times; t++) sum += HandWritten.Cyclic(t);
                    break;
                default:
                    for (long t = 0; t < Times; t++) sum += HandWritten.Restarts(t);
                    break;
            }

            return sum;
        }

        [Benchmark(OperationsPerInvoke = Times)]
        public double HandWrittenLambda()
        {
            double sum = 0;
            Func<long, double> f = _handWritten;
            for (long t = 0; t < Times; t++) sum += f(t);
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Times)]
        public double Generated()
        {
            double sum = 0;
            switch (Schedule)
            {
                case "tutorial":
                    var a = new TutorialGenerated();
                    for (long t = 0; t < Times; t++) sum += a.At(t);
                    break;
                case "warmup-cosine":
                    var b = new WarmupCosineGenerated();
                    for (long t = 0; t < Times; t++) sum += b.At(t);
                    break;
                case "cyclic":
                    var c = new CyclicGenerated();
                    for (long t = 0; t < Times; t++) sum += c.At(t);
                    break;
                default:
                    var d = new RestartsGenerated();
                    for (long t = 0; t < Times; t++) sum += d.At(t);
                    break;
            }

            return sum;
        }

        [Benchmark(OperationsPerInvoke = Times)]
        public double Interpreted()
        {
            double sum = 0;
            ILearningRateSchedule s = _interpreted;
            for (long t = 0; t < Times; t++) sum += s.At(t);
            return sum;
        }
    }
}
