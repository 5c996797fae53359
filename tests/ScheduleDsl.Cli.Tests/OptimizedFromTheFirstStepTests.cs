using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>
    /// Every method of the trainer that a training run calls again and again runs optimized code from its first call: in a
    /// fresh <c>schedule train</c> process the JIT's own log (<c>DOTNET_JitDisasmSummary</c>) shows no trainer method
    /// recompiled at tier 1 or on-stack-replaced, which is what a method first compiled unoptimized and then found hot
    /// gets. Such a method runs slow code for the first steps and makes the background JIT compete with training later.
    /// </summary>
    public sealed class OptimizedFromTheFirstStepTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-jit-" + Guid.NewGuid().ToString("N"));

        public OptimizedFromTheFirstStepTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        /// <summary>
        /// One optimizer of each kind of update; the CSV reader and a layer wide enough for the packed products on the way;
        /// with a batch of 64, that layer's steps run as one job per direction on each worker's rows (Dense.Steps.cs).
        /// </summary>
        [Theory]
        [InlineData("momentum", 10)]
        [InlineData("adagrad", 10)]
        [InlineData("adadelta", 10)]
        [InlineData("rmsprop", 10)]
        [InlineData("adamw", 10)]
        [InlineData("momentum", 64)]
        public async Task NoTrainerMethodIsRecompiledWhileTraining(string optimizer, int batch)
        {
            string data = Path.Combine(_directory, "train.csv");
            var random = new Random(3);
            File.WriteAllLines(data, new[] { "a,b,c,label" }.Concat(Enumerable.Range(0, 600).Select(_ =>
            {
                double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
                return FormattableString.Invariant($"{a:R},{b:R},{c:R},{(a > b && a > c ? 0 : b > c ? 1 : 2)}");
            })));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DOTNET_JitDisasmSummary"] = "1";
            // The log goes to standard output: with DOTNET_JitStdOutFile the runtime closes the file at exit while the
            // background JIT may still write to it, and the process sometimes dies in free().
            foreach (string argument in new[] { typeof(CliApp).Assembly.Location, "train", "--data", data, "--layers", "128,128", "--batch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--epochs", "15", "--optimizer", optimizer, "--quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderrRead = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = await stderrRead;
            Assert.True(process.WaitForExit(120_000));
            Assert.True(process.ExitCode == 0, stderr);

            string[] trainer = stdout.Split('\n').Where(line => line.Contains("JIT compiled ScheduleDsl.Training.", StringComparison.Ordinal)).ToArray();
            Assert.Contains(trainer, line => line.Contains("Sequential:Train(", StringComparison.Ordinal) && line.Contains("[FullOpts", StringComparison.Ordinal));
            if (System.Numerics.Vector.IsHardwareAccelerated)
            {
                Assert.Contains(trainer, line => line.Contains("PackedTiles:Rows6", StringComparison.Ordinal) && line.Contains("[FullOpts", StringComparison.Ordinal));
            }

            string[] recompiled = trainer.Where(line => line.Contains("Tier1", StringComparison.Ordinal)).ToArray();
            Assert.True(recompiled.Length == 0, "compiled unoptimized first, then again when found hot:\n" + string.Join("\n", recompiled));
        }
    }
}
