using System.Linq;
using BenchmarkDotNet.Running;

namespace ScheduleDsl.Benchmarks
{
    public static class Program
    {
        /// <summary>BenchmarkDotNet's switcher; <c>--peak</c> measures this machine's fp32 FMA peak instead, <c>--step-parts</c> where a wide step's time goes.</summary>
        public static void Main(string[] args)
        {
            if (args.Contains("--peak"))
            {
                FmaPeak.Run();
                return;
            }

            if (args.Contains("--step-parts"))
            {
                WideStepParts.Run(() => new ScheduleDsl.Training.Adam(learningRate: 1e-3), "Adam");
                WideStepParts.Run(() => new ScheduleDsl.Training.Sgd(learningRate: 0.01, momentum: 0.9), "SGD-momentum");
                WideStepParts.Run(() => new ScheduleDsl.Training.Adam(learningRate: 1e-3), "Adam, again");
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
