using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch.optim;

namespace ScheduleDsl.TorchSharp.Tests
{
    [Schedule("lr 0.1 per step: onecycle 0.1 over 100 momentum")]
    public partial struct OneCycleWithMomentum;

    /// <summary>The driver against TorchSharp's managed parameter groups: rates, momentum/β₁, weight decay, plateau, state.</summary>
    public sealed class ScheduleDriverTests
    {
        [Fact]
        public void AFactorScheduleMultipliesEachGroupsInitialRate()
        {
            SGD.ParamGroup a = Groups.Sgd(0.1), b = Groups.Sgd(0.01);
            ScheduleDriver driver = new ILearningRateController[] { a, b }.UseSchedule(Schedule.Parse("step 0.5 every 2"));
            Assert.Equal((0.1, 0.01), (a.LearningRate, b.LearningRate));
            driver.Step();
            driver.Step();
            Assert.Equal(2, driver.Time);
            Assert.Equal((0.05, 0.005), (a.LearningRate, b.LearningRate));
            Assert.Equal(0.1, a.InitialLearningRate);
        }

        [Fact]
        public void AnAbsoluteScheduleIsTheSameForEveryGroupOrProportional()
        {
            SGD.ParamGroup a = Groups.Sgd(0.1), b = Groups.Sgd(0.01);
            new ILearningRateController[] { a, b }.UseSchedule(Schedule.Parse("lr 0.3: constant"));
            Assert.Equal((0.3, 0.3), (a.LearningRate, b.LearningRate));
            SGD.ParamGroup c = Groups.Sgd(0.1), d = Groups.Sgd(0.01);
            new ILearningRateController[] { c, d }.UseSchedule(Schedule.Parse("lr 0.3: constant"), new ScheduleDriverOptions { AbsoluteRates = AbsoluteRates.ProportionalToInitialRates });
            Assert.Equal(0.3, c.LearningRate, 15);
            Assert.Equal(0.03, d.LearningRate, 15);
        }

        [Fact]
        public void TheMomentumChannelSetsSgdsMomentumAndAdamsBeta1()
        {
            var text = (IHyperparameterSchedule)Schedule.Parse("lr 0.1 per step: onecycle 0.1 over 100 momentum");
            SGD.ParamGroup sgd = Groups.Sgd(0.1);
            Adam.ParamGroup adam = Groups.Adam(0.001, beta2: 0.99);
            ScheduleDriver driver = new ILearningRateController[] { sgd, adam }.UseSchedule(text);
            for (int t = 0; t < 120; t++)
            {
                Assert.Equal(text.At(ScheduleChannel.Momentum, t), sgd.Momentum);
                Assert.Equal((text.At(ScheduleChannel.Momentum, t), 0.99), adam.Betas);
                Assert.Equal(text.At(t), sgd.LearningRate);
                Assert.Equal(text.At(t), adam.LearningRate); // absolute: the same for every group
                driver.OnBatchEnd();
            }

            // A generated [Schedule] type drives it the same way.
            SGD.ParamGroup generated = Groups.Sgd(0.1);
            ScheduleDriver fromType = new ILearningRateController[] { generated }.UseSchedule(new OneCycleWithMomentum());
            fromType.Step();
            Assert.Equal(text.At(ScheduleChannel.Momentum, 1), generated.Momentum);
        }

        [Fact]
        public void FactorMomentumAndWeightDecayMultiplyEachGroupsOwnValue()
        {
            SGD.ParamGroup a = Groups.Sgd(0.1, momentum: 0.9, weightDecay: 0.01), b = Groups.Sgd(0.1, momentum: 0.5, weightDecay: 0.002);
            ScheduleDriver driver = new ILearningRateController[] { a, b }.UseSchedule(Schedule.Parse("constant; momentum: constant 0.5; weight-decay: linear 4 to 0"));
            Assert.Equal((0.45, 0.25), (a.Momentum, b.Momentum));
            Assert.Equal((0.01, 0.002), (a.Options.weight_decay, b.Options.weight_decay));
            driver.Step();
            Assert.Equal(0.0075, a.Options.weight_decay!.Value, 15);
            Assert.Equal(0.0015, b.Options.weight_decay!.Value, 15);
            Assert.Equal(0.45, a.Momentum); // factors of the base values, not of the values set at the last step

            Adam.ParamGroup adamw = Groups.Adam(0.001, weightDecay: 0.05);
            new ILearningRateController[] { adamw }.UseSchedule(Schedule.Parse("lr 1e-3: constant; weight-decay 0.04: cosine 100 to 0.4"));
            Assert.Equal(0.04, adamw.Options.weight_decay);
        }

        [Fact]
        public void PerGroupSchedulesAndUnitsThatMustAgree()
        {
            SGD.ParamGroup a = Groups.Sgd(0.1), b = Groups.Sgd(0.01);
            ScheduleDriver driver = new ILearningRateController[] { a, b }.UseSchedules(new[] { Schedule.Parse("step 0.5 every 1"), Schedule.Parse("lr 0.2: constant") });
            driver.Step();
            Assert.Equal((0.05, 0.2), (a.LearningRate, b.LearningRate));
            Assert.Throws<ArgumentException>(() => new ILearningRateController[] { a, b }.UseSchedules(new[] { Schedule.Parse("constant"), Schedule.Parse("per step: constant") }));
            Assert.Throws<ArgumentException>(() => new ILearningRateController[] { a, b }.UseSchedules(new[] { Schedule.Parse("constant"), Schedule.Parse("constant"), Schedule.Parse("constant") }));
        }

        [Fact]
        public void OnBatchEndAndOnEpochEndAdvanceOnlyTheirUnit()
        {
            SGD.ParamGroup perStep = Groups.Sgd(0.1), perEpoch = Groups.Sgd(0.1);
            ScheduleDriver steps = new ILearningRateController[] { perStep }.UseSchedule(Schedule.Parse("per step: step 0.5 every 1"));
            ScheduleDriver epochs = new ILearningRateController[] { perEpoch }.UseSchedule(Schedule.Parse("step 0.5 every 1"));
            for (int batch = 0; batch < 3; batch++)
            {
                steps.OnBatchEnd();
                epochs.OnBatchEnd();
            }

            steps.OnEpochEnd(0.5);
            epochs.OnEpochEnd(0.5);
            Assert.Equal((3L, 1L), (steps.Time, epochs.Time));
            Assert.Equal(0.1 * 0.125, perStep.LearningRate, 15);
            Assert.Equal(0.05, perEpoch.LearningRate, 15);
        }

        [Fact]
        public void APlateauObservesTheMetricAndNeedsIt()
        {
            SGD.ParamGroup group = Groups.Sgd(0.1);
            ScheduleDriver driver = new ILearningRateController[] { group }.UseSchedule(Schedule.Parse("lr 0.1: plateau factor 0.5 patience 1"));
            Assert.Throws<InvalidOperationException>(() => driver.Step());
            Assert.Throws<ArgumentException>(() => driver.Step(double.NaN));
            foreach (double loss in new[] { 1.0, 1.0, 1.0 })
            {
                driver.OnEpochEnd(loss);
            }

            Assert.Equal(0.05, group.LearningRate);
        }

        [Fact]
        public void SavedStateResumesExactlyAndChecksTheSchedule()
        {
            const string text = "lr 0.1: warmup linear 3 from 0.01 -> plateau factor 0.5 patience 0; weight-decay: cosine 20 to 0.1";
            double[] metrics = { 1, 0.9, 0.95, 0.96, 0.97, 0.85, 0.86, 0.87, 0.88, 0.7, 0.71, 0.72 };
            SGD.ParamGroup whole = Groups.Sgd(0.1, weightDecay: 0.01);
            ScheduleDriver wholeDriver = new ILearningRateController[] { whole }.UseSchedule(Schedule.Parse(text));
            var expected = new List<(double, double?)>();
            foreach (double m in metrics)
            {
                wholeDriver.Step(m);
                expected.Add((whole.LearningRate, whole.Options.weight_decay));
            }

            string path = Path.Combine(Path.GetTempPath(), "scheduledsl-driver-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                SGD.ParamGroup first = Groups.Sgd(0.1, weightDecay: 0.01);
                ScheduleDriver firstDriver = new ILearningRateController[] { first }.UseSchedule(Schedule.Parse(text));
                var actual = new List<(double, double?)>();
                foreach (double m in metrics.Take(5))
                {
                    firstDriver.Step(m);
                    actual.Add((first.LearningRate, first.Options.weight_decay));
                }

                firstDriver.Save(path);

                // A new process: the optimizer's state dict brings back the values the schedule last set, not the base values.
                SGD.ParamGroup resumed = Groups.Sgd(first.LearningRate, weightDecay: first.Options.weight_decay!.Value);
                resumed.InitialLearningRate = 0.1;
                ScheduleDriver resumedDriver = new ILearningRateController[] { resumed }.UseSchedule(Schedule.Parse(text));
                resumedDriver.Load(path);
                Assert.Equal(5, resumedDriver.Time);
                foreach (double m in metrics.Skip(5))
                {
                    resumedDriver.Step(m);
                    actual.Add((resumed.LearningRate, resumed.Options.weight_decay));
                }

                Assert.Equal(expected, actual);

                ScheduleDriver other = new ILearningRateController[] { Groups.Sgd(0.1) }.UseSchedule(Schedule.Parse("lr 0.1: constant"));
                Assert.Contains("saved with the schedule", Assert.Throws<ArgumentException>(() => other.Load(path)).Message);
                File.WriteAllText(path, "{ \"format\": 1, \"time\": ");
                Assert.Throws<InvalidDataException>(() => resumedDriver.Load(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void GroupsThatCannotTakeAChannelAreRefusedBeforeTheFirstStep()
        {
            Assert.Contains("neither a momentum nor Adam's betas", Assert.Throws<ArgumentException>(() => new ILearningRateController[] { Groups.Adagrad(0.01) }.UseSchedule(Schedule.Parse("constant; momentum 0.9: constant"))).Message);
            Assert.Contains("no weight decay", Assert.Throws<ArgumentException>(() => new ILearningRateController[] { new Groups.RateOnly(0.1) }.UseSchedule(Schedule.Parse("constant; weight-decay 0.1: constant"))).Message);
            var own = new Groups.RateOnly(0.1);
            new ILearningRateController[] { own }.UseSchedule(Schedule.Parse("step 0.5 every 1")).Step();
            Assert.Equal(0.05, own.LearningRate);
            Assert.Throws<InvalidOperationException>(() => new ILearningRateController[] { Groups.Sgd(0.1, momentum: 0.9) }.UseSchedule(Schedule.Parse("constant; momentum: constant 1.2")));
        }

        [Fact]
        public void AStepAllocatesNothingAndNoNativeLibraryIsLoaded()
        {
            SGD.ParamGroup sgd = Groups.Sgd(0.1);
            Adam.ParamGroup adam = Groups.Adam(0.001);
            ScheduleDriver driver = new ILearningRateController[] { sgd, adam }.UseSchedule(Schedule.Parse("lr 0.1 per step: onecycle 0.1 over 100000 momentum; weight-decay: cosine 1000 to 0"));
            driver.Step();

            // The least of three windows: a step that allocated would in every one, a one-time allocation on this thread
            // that is not the driver's in one at most.
            long least = long.MaxValue;
            for (int window = 0; window < 3; window++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 10_000; i++)
                {
                    driver.Step();
                }

                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            Assert.Equal(0, least);
            Assert.DoesNotContain(System.Diagnostics.Process.GetCurrentProcess().Modules.Cast<System.Diagnostics.ProcessModule>(), m => m.ModuleName.Contains("libtorch", StringComparison.OrdinalIgnoreCase) || m.ModuleName.Contains("LibTorchSharp", StringComparison.OrdinalIgnoreCase));
        }
    }
}
