using System.Linq;
using BenchmarkDotNet.Running;

namespace ScheduleDsl.Benchmarks
{
    public static class Program
    {
        /// <summary>BenchmarkDotNet's switcher; <c>--peak</c> measures this machine's fp32 FMA peak instead.</summary>
        public static void Main(string[] args)
        {
            if (args.Contains("--peak"))
            {
                FmaPeak.Run();
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
