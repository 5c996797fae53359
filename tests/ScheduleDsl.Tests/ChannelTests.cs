using System;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>Contract v2 channels: <c>;</c>, <c>momentum</c>, <c>weight-decay</c>, and the <c>momentum</c> option of onecycle/cyclic.</summary>
    public class ChannelTests
    {
        private static readonly long[] Times = Enumerable.Range(0, 260).Select(i => (long)i).Concat(new long[] { 999, 1000, 1001, 4321, 10_000, 123_456 }).ToArray();

        private static IHyperparameterSchedule Parse(string text) => (IHyperparameterSchedule)Schedule.Parse(text);

        private static void AssertChannel(string text, ScheduleChannel channel, Func<long, double> expected, double tolerance = 1e-12)
        {
            IHyperparameterSchedule schedule = Parse(text);
            Assert.True(schedule.Schedules(channel), text + " schedules " + channel);
            foreach (long t in Times)
            {
                double want = expected(t);
                double got = schedule.At(channel, t);
                Assert.True(Math.Abs(want - got) <= tolerance * Math.Max(1, Math.Abs(want)), $"{text}, {channel} at t={t}: expected {want:R}, got {got:R}");
            }
        }

        /// <summary>PyTorch 1.13 <c>OneCycleLR.get_lr</c>'s momentum, line for line: phases by end step, cosine or linear annealing.</summary>
        private static double TorchOneCycleMomentum(long step, long total, double pct, double baseM, double maxM, bool threePhase, bool linear)
        {
            double Anneal(double start, double end, double p) => linear ? (end - start) * p + start : end + (start - end) / 2.0 * (Math.Cos(Math.PI * p) + 1);
            var phases = threePhase
                ? new[] { (End: pct * total - 1, From: maxM, To: baseM), (End: 2 * pct * total - 2, From: baseM, To: maxM), (End: total - 1.0, From: maxM, To: maxM) }
                : new[] { (End: pct * total - 1, From: maxM, To: baseM), (End: total - 1.0, From: baseM, To: maxM) };
            double startStep = 0;
            for (int i = 0; i < phases.Length; i++)
            {
                if (step <= phases[i].End || i == phases.Length - 1)
                {
                    return Anneal(phases[i].From, phases[i].To, (step - startStep) / (phases[i].End - startStep));
                }

                startStep = phases[i].End;
            }

            throw new InvalidOperationException();
        }

        /// <summary>PyTorch 1.13 <c>CyclicLR.get_lr</c>'s momentum: <c>max_m − (max_m − base_m)·scale_factor·scale_fn</c>.</summary>
        private static double TorchCyclicMomentum(long it, long up, long down, double baseM, double maxM, Func<double, double> scale, bool scaleByCycle)
        {
            double total = up + down;
            double stepRatio = up / total;
            double cycle = Math.Floor(1 + it / total);
            double x = 1.0 + it / total - cycle;
            double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
            double height = (maxM - baseM) * scaleFactor;
            return maxM - height * scale(scaleByCycle ? cycle : it);
        }

        [Fact]
        public void OneCycleMomentumMatchesPyTorchDefaults()
        {
            const string text = "lr 0.1 per step: onecycle 0.1 over 100 momentum";
            AssertChannel(text, ScheduleChannel.Momentum, t => t >= 100 ? 0.95 : TorchOneCycleMomentum(t, 100, 0.3, 0.85, 0.95, threePhase: false, linear: false));
            IHyperparameterSchedule s = Parse(text);
            Assert.Equal(0.95, s.At(ScheduleChannel.Momentum, 0));
            Assert.Equal(0.85, s.At(ScheduleChannel.Momentum, 29), 15);
            Assert.True(s.IsAbsoluteFor(ScheduleChannel.Momentum));
            Assert.False(s.Schedules(ScheduleChannel.WeightDecay));
            Assert.Equal(1, s.At(ScheduleChannel.WeightDecay, 7));
        }

        [Fact]
        public void OneCycleMomentumThreePhaseLinearHoldsHiInTheLastPhase() => AssertChannel(
            "onecycle 1 over 100 warm 0.25 div 10 final-div 100 linear three-phase momentum 0.8 to 0.9",
            ScheduleChannel.Momentum,
            t => t >= 100 ? 0.9 : TorchOneCycleMomentum(t, 100, 0.25, 0.8, 0.9, threePhase: true, linear: true));

        [Fact]
        public void CyclicMomentumMatchesPyTorch() => AssertChannel(
            "lr 0.006 per step: cyclic 0.001 to 0.006 up 20 momentum 0.8 to 0.9",
            ScheduleChannel.Momentum,
            t => TorchCyclicMomentum(t, 20, 20, 0.8, 0.9, _ => 1, scaleByCycle: true));

        [Fact]
        public void CyclicMomentumDefaultsAndAsymmetricCycle() => AssertChannel(
            "cyclic 0.5 to 1 up 3 down 7 momentum",
            ScheduleChannel.Momentum,
            t => TorchCyclicMomentum(t, 3, 7, 0.8, 0.9, _ => 1, scaleByCycle: true));

        [Fact]
        public void CyclicTriangular2MomentumHalvesItsSwing() => AssertChannel(
            "cyclic triangular2 0.001 to 0.006 up 5 momentum 0.85 to 0.95",
            ScheduleChannel.Momentum,
            t => TorchCyclicMomentum(t, 5, 5, 0.85, 0.95, c => 1 / Math.Pow(2, c - 1), scaleByCycle: true));

        [Fact]
        public void CyclicExpRangeMomentumScalesItsSwingPerStep() => AssertChannel(
            "cyclic exp-range 0.99 0.1 to 1 up 3 down 7 momentum",
            ScheduleChannel.Momentum,
            t => TorchCyclicMomentum(t, 3, 7, 0.8, 0.9, it => Math.Pow(0.99, it), scaleByCycle: false));

        [Fact]
        public void MomentumOutsideTheCyclingPhaseIsHi()
        {
            // Warmup, then one cycle: the momentum holds hi during the warmup and after the cycle.
            const string text = "lr 0.1 per step: warmup linear 10 from 0.01 -> onecycle 0.1 over 100 momentum 0.8 to 0.9 -> constant 1e-4";
            AssertChannel(text, ScheduleChannel.Momentum, t => t < 10 || t >= 110 ? 0.9 : TorchOneCycleMomentum(t - 10, 100, 0.3, 0.8, 0.9, false, false));
        }

        [Fact]
        public void MomentumFollowsSkipForAndProducts()
        {
            AssertChannel("lr 0.1: onecycle 0.1 over 100 momentum skip 10 for 50", ScheduleChannel.Momentum, t => TorchOneCycleMomentum(Math.Min(t, 50) + 10, 100, 0.3, 0.85, 0.95, false, false));
            AssertChannel("(onecycle 1 over 50 momentum) * (linear 100 to 0.5) -> constant", ScheduleChannel.Momentum, t => t >= 50 ? 0.95 : TorchOneCycleMomentum(t, 50, 0.3, 0.85, 0.95, false, false));
            AssertChannel("(onecycle 1 over 50 momentum) * (step 0.5 every 30)", ScheduleChannel.Momentum, t => t >= 50 ? 0.95 : TorchOneCycleMomentum(t, 50, 0.3, 0.85, 0.95, false, false));
        }

        [Fact]
        public void ExplicitChannelsAreAbsoluteWithANumberAndFactorsWithout()
        {
            IHyperparameterSchedule s = Parse("lr 0.1: step 0.5 every 2; momentum 0.9: constant; weight-decay: linear 10 to 0");
            Assert.True(s.IsAbsoluteFor(ScheduleChannel.LearningRate));
            Assert.True(s.IsAbsoluteFor(ScheduleChannel.Momentum));
            Assert.False(s.IsAbsoluteFor(ScheduleChannel.WeightDecay));
            Assert.Equal(0.025, s.At(5));
            Assert.Equal(0.025, s.At(ScheduleChannel.LearningRate, 5));
            Assert.Equal(0.9, s.At(ScheduleChannel.Momentum, 5));
            Assert.Equal(0.5, s.At(ScheduleChannel.WeightDecay, 5), 15);
            Assert.Equal(0, s.At(ScheduleChannel.WeightDecay, 50));
            Assert.Throws<ArgumentOutOfRangeException>(() => s.At(ScheduleChannel.Momentum, -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => Parse("lr 0.1: constant").At(ScheduleChannel.WeightDecay, -1));
        }

        [Fact]
        public void ATextMayScheduleOnlyMomentumOrOnlyWeightDecay()
        {
            // DINO's rising weight decay; the learning rate stays at the optimizer's (factor 1).
            IHyperparameterSchedule dino = Parse("weight-decay 0.04 per epoch: cosine 100 to 0.4");
            Assert.False(dino.Schedules(ScheduleChannel.LearningRate));
            Assert.False(dino.IsAbsolute);
            Assert.Equal(1, dino.At(17));
            Assert.Equal(0.04, dino.At(ScheduleChannel.WeightDecay, 0));
            Assert.Equal(0.22, dino.At(ScheduleChannel.WeightDecay, 50), 12);
            Assert.Equal(0.4, dino.At(ScheduleChannel.WeightDecay, 100));
            AssertChannel("weight-decay 0.04 per epoch: cosine 100 to 0.4", ScheduleChannel.WeightDecay, t => t >= 100 ? 0.4 : 0.4 + (0.04 - 0.4) * (1 + Math.Cos(Math.PI * t / 100)) / 2);
            IHyperparameterSchedule momentum = Parse("momentum 0.5 per step: warmup linear 100 from 0.5 to 0.9");
            Assert.Equal(ScheduleUnit.Step, momentum.Unit);
            Assert.Equal(0.5 + 0.4 * 0.25, momentum.At(ScheduleChannel.Momentum, 25), 15);
        }

        [Fact]
        public void TheContractsChannelExamplesWork()
        {
            IHyperparameterSchedule wsd = Parse("lr 3e-4 per step: warmup linear 2000 -> constant for 80000 -> sqrt 18000 to 3e-5; weight-decay 0.1: constant");
            Assert.Equal(3e-4, wsd.At(50_000));
            Assert.Equal(3e-5 + (3e-4 - 3e-5) * (1 - Math.Sqrt(0.5)), wsd.At(91_000), 15);
            Assert.Equal(0.1, wsd.At(ScheduleChannel.WeightDecay, 91_000));

            IHyperparameterSchedule epochs = Parse("lr 0.05 per step steps-per-epoch 390: warmup linear 5 epochs -> cosine 95 epochs to 1e-5; momentum 0.9: constant");
            Assert.Equal(0.05, epochs.At(1950));
            Assert.Equal(0.9, epochs.At(ScheduleChannel.Momentum, 123));
            Assert.Equal(390, Schedule.Describe(epochs.ToString()!).StepsPerEpoch);
        }

        [Theory]
        [InlineData("lr 0.1 per step: onecycle 0.1 over 10000 momentum")]
        [InlineData("lr 0.006 per step: cyclic 0.001 to 0.006 up 2000 momentum 0.8 to 0.9")]
        [InlineData("lr 0.0003 per step: warmup linear 2000 -> constant for 80000 -> sqrt 18000 to 3e-5; weight-decay 0.1: constant")]
        [InlineData("lr 0.05 per step steps-per-epoch 390: warmup linear 5 epochs -> cosine 95 epochs to 1e-5; momentum 0.9: constant")]
        [InlineData("weight-decay 0.04: cosine 100 to 0.4")]
        [InlineData("lr 0.1 min 0.001: step 0.5 every 2; momentum min 0.5: linear 10 to 0.1; weight-decay 0.01: constant")]
        public void CanonicalTextRoundTrips(string canonical)
        {
            Assert.Equal(canonical, Schedule.Parse(canonical).ToString());
            Assert.Equal(canonical, Schedule.Parse(canonical.Replace("; ", " ;\n  ").Replace(": ", " :  ")).ToString());
        }

        [Fact]
        public void DescribeListsEveryChannel()
        {
            ScheduleDescription d = Schedule.Describe("lr 0.1 per step: warmup linear 10 from 0.01 -> onecycle 0.1 over 100 momentum; weight-decay: constant");
            Assert.Equal(new[] { ScheduleChannel.LearningRate, ScheduleChannel.WeightDecay, ScheduleChannel.Momentum }, d.Channels.Select(c => c.Channel));
            ScheduleChannelDescription momentum = d.Channels[2];
            Assert.True(momentum.FromMomentumOption);
            Assert.True(momentum.IsAbsolute);
            Assert.Equal(2, momentum.Phases.Count);
            Assert.Equal("momentum of onecycle 0.1 over 100 momentum", momentum.Phases[1].Text);
            Assert.Contains("down from 0.95 to 0.85", momentum.Phases[1].Sentence);
            Assert.False(d.Channels[1].IsAbsolute);
            Assert.Equal(d.Phases, d.Channels[0].Phases);
            Assert.Contains(Schedule.Explain(d.Text), s => s.StartsWith("Momentum: ", StringComparison.Ordinal));
        }

        [Fact]
        public void ChannelNamesRoundTrip()
        {
            foreach (ScheduleChannel channel in Enum.GetValues<ScheduleChannel>())
            {
                Assert.True(ChannelNames.TryParse(ChannelNames.Word(channel), out ScheduleChannel parsed));
                Assert.Equal(channel, parsed);
            }

            Assert.False(ChannelNames.TryParse("beta1", out _));
        }
    }
}
