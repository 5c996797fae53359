using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>Each kernel against its formula in shared/DSL.md, at many t including the boundaries.</summary>
    public class KernelTests
    {
        private static readonly long[] Times = Enumerable.Range(0, 200).Select(i => (long)i).Concat(new long[] { 999, 1000, 1001, 9999, 10000, 123456, int.MaxValue, long.MaxValue / 2, long.MaxValue }).ToArray();

        private static void AssertCurve(string text, Func<long, double> expected, double tolerance = 1e-12)
        {
            ILearningRateSchedule schedule = Schedule.Parse(text);
            foreach (long t in Times)
            {
                double want = expected(t);
                double got = schedule.At(t);
                Assert.True(Math.Abs(want - got) <= tolerance * Math.Max(1, Math.Abs(want)), $"{text} at t={t}: expected {want:R}, got {got:R}");
            }
        }

        [Fact]
        public void Constant() => AssertCurve("lr 0.1: constant", _ => 0.1);

        [Fact]
        public void ConstantWithValueIgnoresIncomingLevel() => AssertCurve("lr 0.1: constant 0.05", _ => 0.05);

        [Fact]
        public void HoldIsConstantFor() => AssertCurve("lr 0.1: hold 3 -> step 0.5 every 1", t => t < 3 ? 0.1 : 0.1 * Math.Pow(0.5, t - 3));

        [Fact]
        public void WarmupLinear() => AssertCurve("lr 0.1: warmup linear 10 from 0.01", t => t < 10 ? 0.01 + (0.1 - 0.01) * t / 10.0 : 0.1);

        [Fact]
        public void WarmupLinearDefaultsToZeroStart() => AssertCurve("warmup linear 5", t => t < 5 ? t / 5.0 : 1);

        [Fact]
        public void WarmupCosine() => AssertCurve("lr 0.2: warmup cosine 8 from 0.02 to 0.1", t => t < 8 ? 0.02 + (0.1 - 0.02) * (1 - Math.Cos(Math.PI * t / 8)) / 2 : 0.1);

        [Fact]
        public void WarmupExpDefaultStartIsOnePercent() => AssertCurve("lr 0.1: warmup exp 4", t => t < 4 ? 0.001 * Math.Pow(100, t / 4.0) : 0.1);

        [Fact]
        public void WarmupExpToZeroIsZero() => AssertCurve("lr 0.1: warmup exp 4 to 0", _ => 0);

        [Fact]
        public void Step() => AssertCurve("lr 1e-2: step 0.8 every 2", t => 1e-2 * Math.Pow(0.8, t / 2));

        [Fact]
        public void MultiStep() => AssertCurve("lr 0.1: multistep 0.1 at 30, 60, 80", t => 0.1 * Math.Pow(0.1, (t >= 30 ? 1 : 0) + (t >= 60 ? 1 : 0) + (t >= 80 ? 1 : 0)));

        [Fact]
        public void ExpContinuous() => AssertCurve("exp 0.9", t => Math.Pow(0.9, t));

        [Fact]
        public void ExpStaircase() => AssertCurve("lr 0.5: exp 0.5 every 10 staircase", t => 0.5 * Math.Pow(0.5, t / 10));

        [Fact]
        public void ExpEvery() => AssertCurve("exp 0.5 every 10", t => Math.Pow(0.5, t / 10.0));

        [Fact]
        public void InverseTime() => AssertCurve("lr 0.1: inverse-time 0.5 every 10", t => 0.1 / (1 + 0.5 * t / 10.0));

        [Fact]
        public void InverseTimeStaircase() => AssertCurve("inverse-time 0.5 every 10 staircase", t => 1 / (1 + 0.5 * (t / 10)));

        [Fact]
        public void InverseSqrt() => AssertCurve("inverse-sqrt scale 4000", t => Math.Sqrt(4000.0 / (t + 4000.0)));

        [Fact]
        public void InverseSqrtDefaultScale() => AssertCurve("inverse-sqrt", t => Math.Sqrt(1.0 / (t + 1.0)));

        [Fact]
        public void Linear() => AssertCurve("lr 0.1: linear 100 to 0.01", t => t < 100 ? 0.1 + (0.01 - 0.1) * t / 100.0 : 0.01);

        [Fact]
        public void Poly() => AssertCurve("poly 50 power 2 to 0.1", t => t < 50 ? 0.1 + (1 - 0.1) * Math.Pow(1 - t / 50.0, 2) : 0.1);

        [Fact]
        public void PolyDefaultsToLinearToZero() => AssertCurve("poly 50", t => t < 50 ? 1 - t / 50.0 : 0);

        [Fact]
        public void CosineIsClampedAfterItsLength() => AssertCurve("lr 0.1: cosine 100 to 0.001", t => t < 100 ? 0.001 + (0.1 - 0.001) * (1 + Math.Cos(Math.PI * t / 100)) / 2 : 0.001);

        [Fact]
        public void TanhJumpsToItsEndAtN() => AssertCurve("tanh 20 to 0.1", t => t < 20 ? 0.1 + 0.9 * (1 - Math.Tanh(-7 + 10.0 * t / 20)) / 2 : 0.1);

        [Fact]
        public void RestartsWithEqualCycles() => AssertCurve("lr 0.1: restarts 10", t => 0.1 * (1 + Math.Cos(Math.PI * (t % 10) / 10)) / 2);

        [Fact]
        public void RestartsWithGrowingDecayingCycles()
        {
            // Cycles of 10, 20, 40, 80 … starting at 0, 10, 30, 70, 150 …
            AssertCurve("lr 0.05: restarts 10 mult 2 decay 0.5 to 1e-4", t =>
            {
                long start = 0, length = 10;
                int i = 0;
                while (t - start >= length)
                {
                    start += length;
                    if (length > long.MaxValue / 2)
                    {
                        length = long.MaxValue;
                        break;
                    }

                    length *= 2;
                    i++;
                }

                double peak = Math.Max(0.05 * Math.Pow(0.5, i), 1e-4);
                return 1e-4 + (peak - 1e-4) * (1 + Math.Cos(Math.PI * (t - start) / length)) / 2;
            });
        }

        [Fact]
        public void RestartCycleBoundariesAreExact()
        {
            ILearningRateSchedule s = Schedule.Parse("restarts 3 mult 3");
            // Cycles of 3, 9, 27 start at 0, 3, 12, 39: the value is back at the peak exactly there.
            foreach (long start in new long[] { 0, 3, 12, 39, 120 })
            {
                Assert.Equal(1.0, s.At(start));
            }

            Assert.NotEqual(1.0, s.At(11));
        }

        [Fact]
        public void CyclicTriangularMatchesSmithsReference()
        {
            // bckenstler/CLR: cycle = floor(1 + it/(2·step)), x = |it/step − 2·cycle + 1|, lr = base + (max − base)·max(0, 1 − x).
            AssertCurve("lr 0.006 per step: cyclic 0.001 to 0.006 up 20", t =>
            {
                // The reference works in floating point, which cannot place t within its cycle once t/40 loses its fraction.
                t = t > 1L << 40 ? t % 40 : t;
                double cycle = Math.Floor(1 + t / 40.0);
                double x = Math.Abs(t / 20.0 - 2 * cycle + 1);
                return 0.001 + (0.006 - 0.001) * Math.Max(0, 1 - x);
            }, 1e-9);
        }

        [Fact]
        public void CyclicFindsThePositionInTheCycleExactlyForHugeT()
        {
            ILearningRateSchedule s = Schedule.Parse("cyclic 0.001 to 0.006 up 20");
            long t = (long.MaxValue / 40 - 1) * 40 + 15;
            Assert.Equal(0.001 + 0.005 * (15 / 20.0), s.At(t), 15);
        }

        [Fact]
        public void CyclicTriangular2HalvesEachCycle() => AssertCurve("cyclic triangular2 0.001 to 0.006 up 5", t =>
        {
            long cycle = t / 10, pos = t % 10;
            double rise = pos <= 5 ? pos / 5.0 : (10 - pos) / 5.0;
            return 0.001 + (0.006 - 0.001) * rise / Math.Pow(2, cycle);
        });

        [Fact]
        public void CyclicExpRangeWithAsymmetricCycle() => AssertCurve("cyclic exp-range 0.99 0.1 to 1 up 3 down 7", t =>
        {
            long pos = t % 10;
            double rise = pos <= 3 ? pos / 3.0 : (10 - pos) / 7.0;
            return 0.1 + 0.9 * rise * Math.Pow(0.99, t);
        });

        [Fact]
        public void OneCycleMatchesPyTorch()
        {
            // PyTorch OneCycleLR(max_lr=0.1, total_steps=100): phases end at 29 and 99.
            AssertCurve("onecycle 0.1 over 100", t =>
            {
                double initial = 0.1 / 25, min = initial / 1e4;
                if (t >= 100)
                {
                    return min;
                }

                double Cos(double a, double b, double pct) => b + (a - b) / 2 * (Math.Cos(Math.PI * pct) + 1);
                return t <= 29 ? Cos(initial, 0.1, t / 29.0) : Cos(0.1, min, (t - 29) / 70.0);
            });
        }

        [Fact]
        public void OneCycleThreePhaseLinear()
        {
            AssertCurve("onecycle 1 over 100 warm 0.25 div 10 final-div 100 linear three-phase", t =>
            {
                double initial = 0.1, min = 0.001;
                if (t >= 100)
                {
                    return min;
                }

                double Lin(double a, double b, double pct) => (b - a) * pct + a;
                if (t <= 24)
                {
                    return Lin(initial, 1, t / 24.0);
                }

                return t <= 48 ? Lin(1, initial, (t - 24) / 24.0) : Lin(initial, min, (t - 48) / 51.0);
            });
        }

        [Fact]
        public void OneCycleStartsAtPeakOverDivAndEndsAtPeakOverDivTimesFinalDiv()
        {
            ILearningRateSchedule s = Schedule.Parse("lr 0.1 per step: onecycle 0.1 over 10000");
            Assert.Equal(0.1 / 25, s.At(0), 15);
            Assert.Equal(0.1, s.At(2999), 15);
            Assert.Equal(0.1 / 25 / 1e4, s.At(9999), 1e-18);
            Assert.Equal(0.1 / 25 / 1e4, s.At(long.MaxValue), 1e-18);
        }

        /// <summary>v2: HF <c>get_wsd_schedule(decay_type="1-sqrt")</c>: <c>e + (s−e)·(1−√(τ/N))</c>.</summary>
        [Fact]
        public void SqrtIsTheOneMinusSqrtCooldown() =>
            AssertCurve("lr 3e-4: sqrt 100 to 3e-5", t => t < 100 ? 3e-5 + (3e-4 - 3e-5) * (1 - Math.Sqrt(t / 100.0)) : 3e-5);

        /// <summary>v2: HF <c>warmup_type="1-sqrt"</c>: <c>a + (b−a)·(1−√(1−τ/N))</c>.</summary>
        [Fact]
        public void WarmupSqrt() =>
            AssertCurve("lr 0.1: warmup sqrt 20 from 0.001", t => t < 20 ? 0.001 + (0.1 - 0.001) * (1 - Math.Sqrt(1 - t / 20.0)) : 0.1);

        /// <summary>v2: optax <c>cosine_decay_schedule(exponent=p)</c> with timm's <c>k_decay</c>: <c>e + (s−e)·((1+cos(π·(τ/N)^k))/2)^p</c>.</summary>
        [Fact]
        public void CosineWithPowerAndKDecay() =>
            AssertCurve("lr 0.1: cosine 50 to 0.001 power 2 k-decay 1.5", t => t < 50 ? 0.001 + (0.1 - 0.001) * Math.Pow((1 + Math.Cos(Math.PI * Math.Pow(t / 50.0, 1.5))) / 2, 2) : 0.001);

        /// <summary>v2: optax's exponent alone, checked against optax's own formula <c>(1−α)·(0.5·(1+cos(π·τ/N)))^p + α</c> (as a factor).</summary>
        [Fact]
        public void CosinePowerAloneIsOptaxExponent() =>
            AssertCurve("cosine 40 to 0.1 power 3", t => t < 40 ? (1 - 0.1) * Math.Pow(0.5 * (1 + Math.Cos(Math.PI * t / 40.0)), 3) + 0.1 : 0.1);

        /// <summary>
        /// v2: Keras <c>PolynomialDecay(cycle=True)</c>: <c>decay_steps·max(1, ⌈step/decay_steps⌉)</c>, then
        /// <c>(initial − end)·(1 − step/decay_steps)^power + end</c>; open-ended.
        /// </summary>
        [Fact]
        public void PolyCycleIsKerasPolynomialDecayWithCycle()
        {
            static double Keras(long step)
            {
                double decaySteps = 10 * (step == 0 ? 1 : Math.Ceiling(step / 10.0));
                return (0.1 - 0.01) * Math.Pow(1 - step / decaySteps, 2) + 0.01;
            }

            AssertCurve("lr 0.1: poly 10 power 2 to 0.01 cycle", Keras);
            Assert.Null(Schedule.Describe("poly 10 cycle").Length);
        }

        /// <summary>
        /// v2 <c>skip K</c>: timm's <c>warmup_prefix=False</c> — the cosine counts global time from 0, so after a 5-epoch
        /// warmup it is already 5 epochs along: <c>lr·(1+cos(π·t/100))/2</c> for t ≥ 5, reaching 0 at t = 100.
        /// </summary>
        [Fact]
        public void SkipStartsAPhasePartWayAsTimmWithoutWarmupPrefix() =>
            AssertCurve("lr 0.1: warmup linear 5 from 1e-4 -> cosine 100 skip 5", t =>
                t < 5 ? 1e-4 + (0.1 - 1e-4) * t / 5.0 : t < 100 ? 0.1 * (1 + Math.Cos(Math.PI * t / 100.0)) / 2 : 0);

        [Fact]
        public void SkipAndForInEitherOrderCountForFromTheSkippedStart()
        {
            ScheduleDescription a = Schedule.Describe("cosine 10 skip 3 for 4 -> constant 0.5");
            ScheduleDescription b = Schedule.Describe("cosine 10 for 4 skip 3 -> constant 0.5");
            Assert.Equal(a.CanonicalText, b.CanonicalText);
            Assert.Equal(4, a.Phases[0].Length);
            AssertCurve("cosine 10 for 4 skip 3 -> constant 0.5", t => t < 4 ? (1 + Math.Cos(Math.PI * (t + 3) / 10.0)) / 2 : 0.5);
        }

        /// <summary>
        /// v2 <c>restarts … mult m</c> with a real m and <c>amplitude d</c>, against Keras' <c>CosineDecayRestarts(t_mul=1.5,
        /// m_mul=0.5, alpha=0.01)</c> line by line, away from the boundaries where Keras' floating log decides the cycle.
        /// </summary>
        [Fact]
        public void RestartsWithARealMultiplierAndAmplitudeMatchKeras()
        {
            const double s = 0.1, alpha = 0.01, tMul = 1.5, mMul = 0.5;
            static double Keras(long step)
            {
                double completed = step / 10.0;
                double i = Math.Floor(Math.Log(1 - completed * (1 - tMul)) / Math.Log(tMul));
                double sum = (1 - Math.Pow(tMul, i)) / (1 - tMul);
                completed = (completed - sum) / Math.Pow(tMul, i);
                double cosine = 0.5 * Math.Pow(mMul, i) * (1 + Math.Cos(Math.PI * completed));
                return s * ((1 - alpha) * cosine + alpha);
            }

            ILearningRateSchedule schedule = Schedule.Parse("lr 0.1: restarts 10 mult 1.5 amplitude 0.5 to 1e-3");
            double[] boundaries = { 10, 25, 47.5, 81.25, 131.875 };
            for (long t = 0; t < 200; t++)
            {
                if (Array.Exists(boundaries, b => Math.Abs(t - b) < 1e-9))
                {
                    continue;
                }

                Assert.True(Math.Abs(Keras(t) - schedule.At(t)) <= 1e-12, "t=" + t + ": Keras " + Keras(t) + ", ours " + schedule.At(t));
            }
        }

        /// <summary>At every boundary a new cycle starts at its peak — the step where a floating log may still say "end of the last".</summary>
        [Fact]
        public void RealMultiplierCyclesStartExactlyAtTheirComputedBoundaries()
        {
            ILearningRateSchedule schedule = Schedule.Parse("lr 0.1: restarts 10 mult 1.5 decay 0.5");
            Assert.Equal(0.1, schedule.At(0), 15);
            Assert.Equal(0.05, schedule.At(10), 15);
            Assert.Equal(0.025, schedule.At(25), 15);
            // timm's cycle_mul with cycle_decay (lr_min 0): 0.5·lr·γ^i·(1+cos(π·t_curr/t_i)); cycle 2 spans [25, 47.5).
            Assert.Equal(0.5 * 0.1 * 0.25 * (1 + Math.Cos(Math.PI * (47 - 25) / 22.5)), schedule.At(47), 14);
            Assert.Equal(0.5 * 0.1 * 0.125 * (1 + Math.Cos(Math.PI * (48 - 47.5) / 33.75)), schedule.At(48), 14);
            Assert.True(schedule.At(long.MaxValue) >= 0);
        }

        [Fact]
        public void PiecewiseSwitchesAtTheBoundary() => AssertCurve("lr 1: piecewise 1 until 10, 0.5 until 20, 0.1", t => t < 10 ? 1 : t < 20 ? 0.5 : 0.1);

        [Fact]
        public void CustomCallsTheUsersFunctionOnLocalTimeAndTheIncomingLevel()
        {
            var functions = new Dictionary<string, Func<long, double, double>> { ["myDecay"] = (t, level) => level / (1 + 0.5 * t) };
            ILearningRateSchedule s = Schedule.Parse("lr 0.1: warmup linear 3 -> custom myDecay", functions);
            foreach (long t in Times)
            {
                double want = t < 3 ? 0.1 * t / 3 : 0.1 / (1 + 0.5 * (t - 3));
                Assert.Equal(want, s.At(t), 15);
            }

            // Inside a product the function gets factor units (level 1); 'for' holds its value at N; 'skip' shifts its time.
            ILearningRateSchedule product = Schedule.Parse("lr 0.1: (custom myDecay for 4) * (step 0.5 every 2 for 4) -> constant", functions);
            Assert.Equal(0.1 * (1 / (1 + 0.5 * 3)) * 0.5, product.At(3), 15);
            ILearningRateSchedule skipped = Schedule.Parse("lr 0.2: custom myDecay skip 2 for 3 -> linear 2 to 0", functions);
            Assert.Equal(0.2 / (1 + 0.5 * 2), skipped.At(0), 15);
            Assert.Equal(0.2 / (1 + 0.5 * 5) / 2, skipped.At(4), 15);
        }
    }
}
