using System;
using System.Collections.Generic;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary><c>plateau</c>: PyTorch ReduceLROnPlateau (relative threshold), its timing, its state and resume.</summary>
    public class PlateauTests
    {
        /// <summary>A line-by-line port of ReduceLROnPlateau.step for mode min, threshold_mode rel (or abs).</summary>
        private sealed class Reference
        {
            private readonly double _factor, _threshold, _minLr;
            private readonly int _patience, _cooldown;
            private readonly bool _absolute;
            private double _best = double.PositiveInfinity;
            private int _bad, _cooldownCounter;

            public Reference(double lr, double factor, int patience, int cooldown, double threshold, double minLr, bool absolute = false)
            {
                _absolute = absolute;
                Lr = lr;
                _factor = factor;
                _patience = patience;
                _cooldown = cooldown;
                _threshold = threshold;
                _minLr = minLr;
            }

            public double Lr { get; private set; }

            public void Step(double metric)
            {
                if (_absolute ? metric < _best - _threshold : metric < _best * (1 - _threshold))
                {
                    _best = metric;
                    _bad = 0;
                }
                else
                {
                    _bad++;
                }

                if (_cooldownCounter > 0)
                {
                    _cooldownCounter--;
                    _bad = 0;
                }

                if (_bad > _patience)
                {
                    double next = Math.Max(Lr * _factor, _minLr);
                    if (Lr - next > 1e-8)
                    {
                        Lr = next;
                    }

                    _cooldownCounter = _cooldown;
                    _bad = 0;
                }
            }
        }

        private static double[] Metrics(int count, int seed)
        {
            var random = new Random(seed);
            var metrics = new double[count];
            double level = 1;
            for (int i = 0; i < count; i++)
            {
                level *= random.NextDouble() < 0.3 ? 0.97 : 1.0;
                metrics[i] = level * (1 + 0.001 * random.NextDouble());
            }

            return metrics;
        }

        [Theory]
        [InlineData(0.5, 2, 1, 1e-4, 1e-5)]
        [InlineData(0.1, 0, 0, 1e-4, 0)]
        [InlineData(0.8, 5, 3, 1e-2, 0.01)]
        public void MatchesReduceLROnPlateau(double factor, int patience, int cooldown, double threshold, double floor)
        {
            string text = FormattableString.Invariant($"lr 0.1: plateau factor {factor} patience {patience} cooldown {cooldown} threshold {threshold} floor {floor}");
            var schedule = (IMetricSchedule)Schedule.Parse(text);
            var reference = new Reference(0.1, factor, patience, cooldown, threshold, floor);
            foreach (double metric in Metrics(300, patience))
            {
                Assert.Equal(reference.Lr, schedule.At(schedule.Observations));
                schedule.Observe(metric);
                reference.Step(metric);
            }
        }

        /// <summary>v2: <c>threshold r absolute</c> is PyTorch's <c>threshold_mode='abs'</c>: an improvement beyond <c>r</c> itself.</summary>
        [Theory]
        [InlineData(0.5, 2, 1, 1e-3, 1e-5)]
        [InlineData(0.8, 4, 0, 0.005, 0)]
        public void MatchesReduceLROnPlateauWithAnAbsoluteThreshold(double factor, int patience, int cooldown, double threshold, double floor)
        {
            string text = FormattableString.Invariant($"lr 0.1: plateau factor {factor} patience {patience} cooldown {cooldown} threshold {threshold} absolute floor {floor}");
            var schedule = (IMetricSchedule)Schedule.Parse(text);
            var reference = new Reference(0.1, factor, patience, cooldown, threshold, floor, absolute: true);
            var relative = (IMetricSchedule)Schedule.Parse(text.Replace(" absolute", string.Empty, StringComparison.Ordinal));
            bool differs = false;
            // Losses around 100, where a relative and an absolute threshold of the same number are far apart.
            foreach (double metric in Array.ConvertAll(Metrics(300, patience), m => 100 * m))
            {
                Assert.Equal(reference.Lr, schedule.At(schedule.Observations));
                differs |= schedule.At(schedule.Observations) != relative.At(relative.Observations);
                schedule.Observe(metric);
                relative.Observe(metric);
                reference.Step(metric);
            }

            Assert.True(differs, "the absolute threshold made no difference on these metrics");
        }

        [Fact]
        public void ContractExampleAfterWarmup()
        {
            var s = (IMetricSchedule)Schedule.Parse("lr 0.1: warmup linear 3 from 0.01 -> plateau factor 0.5 patience 2 cooldown 1 floor 1e-5");
            double[] metrics = { 9, 9, 9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8 };
            var values = new List<double>();
            for (int t = 0; t < 12; t++)
            {
                values.Add(s.At(t));
                if (t < metrics.Length)
                {
                    s.Observe(metrics[t]);
                }
            }

            // The warmup ignores metrics; the plateau starts fresh at t = 3 (best 0.8), counts 3 bad observations
            // (t = 4, 5, 6 > patience 2), halves the rate from t = 7, cools down for one observation, and halves again from t = 11.
            Assert.Equal(new[] { 0.01, 0.04, 0.07, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025 }, values, new Tolerance(1e-15));
        }

        [Fact]
        public void ModeMaxLooksForRisingMetrics()
        {
            var s = (IMetricSchedule)Schedule.Parse("plateau factor 0.5 patience 0 mode max");
            s.Observe(0.5);
            s.Observe(0.6);
            Assert.Equal(1, s.At(2));
            s.Observe(0.6);
            Assert.Equal(0.5, s.At(3));
        }

        [Fact]
        public void PlateauInsideAProductAndCutHandsOnItsLevel()
        {
            var s = (IMetricSchedule)Schedule.Parse("lr 0.1: ((plateau factor 0.5 patience 0) * (constant 2)) for 4 -> step 0.1 every 1");
            Assert.Equal(0.2, s.At(0), 15);
            s.Observe(1);
            s.Observe(1);
            Assert.Equal(0.1, s.At(2), 15);
            s.Observe(1);
            s.Observe(1);
            Assert.Equal(0.1 * 0.125 * 2, s.At(4), 15);
            s.Observe(1); // after the cut, observations no longer move the plateau
            Assert.Equal(0.1 * 0.125 * 2 * 0.1, s.At(5), 15);
        }

        [Fact]
        public void StateRoundTripsAndResumesExactly()
        {
            string text = "lr 0.1: plateau factor 0.5 patience 1 cooldown 2 for 40 -> plateau factor 0.1 patience 3";
            double[] metrics = Metrics(100, 7);
            var whole = (IMetricSchedule)Schedule.Parse(text);
            var first = (IMetricSchedule)Schedule.Parse(text);
            var expected = new List<double>();
            var resumed = new List<double>();
            for (int t = 0; t < 100; t++)
            {
                expected.Add(whole.At(t));
                whole.Observe(metrics[t]);
            }

            for (int t = 0; t < 37; t++)
            {
                resumed.Add(first.At(t));
                first.Observe(metrics[t]);
            }

            MetricScheduleState state = first.GetState();
            var second = (IMetricSchedule)Schedule.Parse(text);
            second.SetState(state);
            Assert.Equal(37, second.Observations);
            for (int t = 37; t < 100; t++)
            {
                resumed.Add(second.At(t));
                second.Observe(metrics[t]);
            }

            Assert.Equal(expected, resumed);
        }

        [Fact]
        public void ResetForgetsObservations()
        {
            var s = (IMetricSchedule)Schedule.Parse("plateau factor 0.5 patience 0");
            s.Observe(1);
            s.Observe(1);
            Assert.Equal(0.5, s.At(2));
            s.Reset();
            Assert.Equal(0, s.Observations);
            Assert.Equal(1, s.At(2));
        }

        [Fact]
        public void BadInputIsRejected()
        {
            var s = (IMetricSchedule)Schedule.Parse("plateau factor 0.5 patience 0");
            Assert.Throws<ArgumentException>(() => s.Observe(double.NaN));
            Assert.Throws<ArgumentException>(() => s.SetState(new MetricScheduleState(0, new PlateauState[2])));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MetricScheduleState(-1, new PlateauState[1]));
        }

        [Fact]
        public void SchedulesWithoutPlateauAreNotMetricSchedules()
        {
            Assert.IsNotAssignableFrom<IMetricSchedule>(Schedule.Parse("step 0.5 every 2"));
        }

        private sealed class Tolerance : IEqualityComparer<double>
        {
            private readonly double _tolerance;

            public Tolerance(double tolerance) => _tolerance = tolerance;

            public bool Equals(double x, double y) => Math.Abs(x - y) <= _tolerance;

            public int GetHashCode(double obj) => 0;
        }
    }
}
