using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScheduleDsl.TorchSharp.LibTorchTests
{
    [Schedule("lr 0.05 per step: onecycle 0.05 over 60 momentum")]
    public partial class OneCycle;

    /// <summary>The driver on real TorchSharp optimizers (libtorch loaded): PyTorch's sequences, a training run that resumes bit for bit, the cost of a step.</summary>
    public sealed class LibTorchDriverTests
    {
        private readonly ITestOutputHelper _output;

        public LibTorchDriverTests(ITestOutputHelper output) => _output = output;

        private static JsonElement Case(string name) =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "torch-sequences.json"))).RootElement
                .GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

        [Theory]
        [InlineData("onecycle-defaults", "sgd")]
        [InlineData("onecycle-adam-beta1", "adam")]
        [InlineData("cyclic-triangular2-momentum", "sgd")]
        [InlineData("sgdr", "sgd")]
        [InlineData("plateau-rel", "sgd")]
        public void AnOptimizerDrivenByTheTextHoldsPyTorchsValues(string name, string kind)
        {
            JsonElement c = Case(name);
            double[] rates = c.GetProperty("lr").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[]? momenta = c.TryGetProperty("momentum", out JsonElement m) ? m.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null;
            double[]? metrics = c.TryGetProperty("metrics", out JsonElement ms) ? ms.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null;
            var weight = new Parameter(zeros(1));
            optim.Optimizer optimizer = kind == "adam" ? optim.Adam(new[] { weight }, 0.001) : optim.SGD(new[] { weight }, 0.1, momentum: 0.9);
            ScheduleDriver driver = optimizer.UseSchedule(c.GetProperty("text").GetString()!);
            var group = optimizer.ParamGroups.First();
            for (int t = 0; t < rates.Length; t++)
            {
                Assert.True(Math.Abs(rates[t] - group.LearningRate) <= 1e-12 * Math.Abs(rates[t]) + 1e-15, name + " rate at " + t);
                if (momenta != null)
                {
                    double held = group is optim.IMomentum sgd ? sgd.Momentum : ((optim.IBetas)group).Betas.Item1;
                    Assert.True(Math.Abs(momenta[t] - held) <= 1e-12, name + " momentum at " + t);
                }

                optimizer.step();
                if (metrics != null)
                {
                    driver.Step(metrics[t]);
                }
                else
                {
                    driver.Step();
                }
            }
        }

        [Fact]
        public void StepDecayEqualsTorchSharpsStepLR()
        {
            var a = new Parameter(zeros(1));
            var b = new Parameter(zeros(1));
            var ours = optim.SGD(new[] { a }, 0.1);
            var theirs = optim.SGD(new[] { b }, 0.1);
            ScheduleDriver driver = ours.UseSchedule("step 0.5 every 3");
            var stepLr = optim.lr_scheduler.StepLR(theirs, 3, 0.5);
            for (int t = 0; t < 20; t++)
            {
                Assert.Equal(theirs.ParamGroups.First().LearningRate, ours.ParamGroups.First().LearningRate, 15);
                ours.step();
                theirs.step();
                driver.Step();
                stepLr.step();
            }
        }

        [Theory]
        [InlineData("sgd")]
        [InlineData("adam")]
        public void TrainingResumesBitForBit(string kind)
        {
            float[] whole = Train(kind, 60, null, null);
            string directory = Path.Combine(Path.GetTempPath(), "scheduledsl-libtorch-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                Train(kind, 30, directory, null);
                float[] resumed = Train(kind, 30, null, directory);
                Assert.Equal(whole, resumed);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void AStepCostsLittleBesideTheOptimizers()
        {
            var weight = new Parameter(zeros(1));
            var optimizer = optim.SGD(new[] { weight }, 0.1, momentum: 0.9);
            ScheduleDriver driver = optimizer.UseSchedule(new OneCycle());
            const int steps = 200_000;
            driver.Step();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < steps - 1; i++)
            {
                driver.Step();
            }

            double ns = watch.Elapsed.TotalMilliseconds * 1e6 / steps;
            _output.WriteLine("ScheduleDriver.Step (onecycle with momentum, one SGD group): " + ns.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " ns per step");
        }

        /// <summary>A 4→16→3 MLP on fixed random data; saves or loads the model, optimizer and driver state in <paramref name="save"/>/<paramref name="load"/>.</summary>
        private static float[] Train(string kind, int steps, string? save, string? load)
        {
            torch.manual_seed(7);
            var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3));
            Tensor x = torch.randn(64, 4);
            Tensor y = torch.randint(0, 3, 64);
            optim.Optimizer optimizer = kind == "adam" ? optim.Adam(model.parameters(), 0.01) : optim.SGD(model.parameters(), 0.05, momentum: 0.9);
            ScheduleDriver driver = optimizer.UseSchedule(kind == "adam" ? "lr 0.01 per step: onecycle 0.01 over 60 momentum; weight-decay 1e-4: cosine 60 to 1e-3" : "lr 0.05 per step: onecycle 0.05 over 60 momentum");
            if (load != null)
            {
                model.load(Path.Combine(load, "model.bin"));
                ((OptimizerHelper)optimizer).load_state_dict(Path.Combine(load, "optimizer.bin"));
                driver.Load(Path.Combine(load, "schedule.json"));
            }

            for (int step = 0; step < steps; step++)
            {
                optimizer.zero_grad();
                Tensor loss = nn.functional.cross_entropy(model.forward(x), y);
                loss.backward();
                optimizer.step();
                driver.OnBatchEnd();
            }

            if (save != null)
            {
                model.save(Path.Combine(save, "model.bin"));
                ((OptimizerHelper)optimizer).save_state_dict(Path.Combine(save, "optimizer.bin"));
                driver.Save(Path.Combine(save, "schedule.json"));
            }

            return model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        }
    }
}
