using System;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>Two hand-computed steps of each optimizer's published (Keras) update rule on p = [1, −2] with gradients g₁, g₂.</summary>
    public class OptimizerTests
    {
        private static readonly double[] P0 = { 1.0, -2.0 };
        private static readonly double[] G1 = { 0.5, -0.25 };
        private static readonly double[] G2 = { -0.1, 0.4 };

        private static float[] Run(Optimizer optimizer, double rate)
        {
            var parameter = new Parameter("p", new[] { 2 });
            parameter.CopyFrom(new[] { (float)P0[0], (float)P0[1] });
            var parameters = new[] { parameter };
            optimizer.Bind(parameters);
            foreach (double[] g in new[] { G1, G2 })
            {
                parameter.Gradient[0] = (float)g[0];
                parameter.Gradient[1] = (float)g[1];
                optimizer.Step(rate);
            }

            return parameter.Value;
        }

        private static void AssertClose(double[] expected, float[] actual)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 2e-6 * Math.Max(1, Math.Abs(expected[i])), $"p[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }

        [Fact]
        public void Sgd()
        {
            // p ← p − lr·g, twice
            double lr = 0.1;
            AssertClose(new[] { 1 - lr * 0.5 - lr * -0.1, -2 - lr * -0.25 - lr * 0.4 }, Run(new Sgd(), lr));
        }

        [Fact]
        public void SgdMomentum()
        {
            // m₁ = −lr·g₁; p₁ = p₀ + m₁; m₂ = μ·m₁ − lr·g₂; p₂ = p₁ + m₂
            double lr = 0.1, mu = 0.9;
            var expected = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double m1 = -lr * G1[i];
                double m2 = mu * m1 - lr * G2[i];
                expected[i] = P0[i] + m1 + m2;
            }

            AssertClose(expected, Run(new Sgd(momentum: 0.9), lr));
        }

        [Fact]
        public void SgdNesterov()
        {
            // m ← μ·m − lr·g; p ← p + μ·m − lr·g
            double lr = 0.1, mu = 0.9;
            var expected = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double m1 = -lr * G1[i];
                double p1 = P0[i] + mu * m1 - lr * G1[i];
                double m2 = mu * m1 - lr * G2[i];
                expected[i] = p1 + mu * m2 - lr * G2[i];
            }

            AssertClose(expected, Run(new Sgd(momentum: 0.9, nesterov: true), lr));
        }

        [Fact]
        public void SgdWeightDecayIsDecoupled()
        {
            // p ← p − lr·wd·p, then p ← p − lr·g
            double lr = 0.1, wd = 0.5;
            var expected = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double p = P0[i];
                p -= lr * wd * p;
                p -= lr * G1[i];
                p -= lr * wd * p;
                p -= lr * G2[i];
                expected[i] = p;
            }

            AssertClose(expected, Run(new Sgd(weightDecay: wd), lr));
        }

        [Fact]
        public void AdaGrad()
        {
            // a ← a + g²; p ← p − lr·g/√(a + ε), a₀ = 0.1
            double lr = 0.1, eps = 1e-7;
            var expected = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double a = 0.1 + G1[i] * G1[i];
                double p = P0[i] - lr * G1[i] / Math.Sqrt(a + eps);
                a += G2[i] * G2[i];
                expected[i] = p - lr * G2[i] / Math.Sqrt(a + eps);
            }

            AssertClose(expected, Run(new AdaGrad(), lr));
        }

        [Fact]
        public void AdaDelta()
        {
            double lr = 1.0, rho = 0.95, eps = 1e-7;
            var expected = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double eg = 0, ed = 0, p = P0[i];
                foreach (double g in new[] { G1[i], G2[i] })
                {
                    eg = rho * eg + (1 - rho) * g * g;
                    double delta = -Math.Sqrt(ed + eps) / Math.Sqrt(eg + eps) * g;
                    ed = rho * ed + (1 - rho) * delta * delta;
                    p += lr * delta;
                }

                expected[i] = p;
            }

            AssertClose(expected, Run(new AdaDelta(), lr));
        }

        [Theory]
        [InlineData(0.0, false)]
        [InlineData(0.9, false)]
        [InlineData(0.0, true)]
        public void RmsProp(double momentum, bool centered)
        {
            double lr = 0.01, rho = 0.9, eps = 1e-7;
            var expected = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double v = 0, m = 0, avg = 0, p = P0[i];
                foreach (double g in new[] { G1[i], G2[i] })
                {
                    v = rho * v + (1 - rho) * g * g;
                    double denominator = v + eps;
                    if (centered)
                    {
                        avg = rho * avg + (1 - rho) * g;
                        denominator -= avg * avg;
                    }

                    double increment = lr * g / Math.Sqrt(denominator);
                    m = momentum * m + increment;
                    p -= momentum > 0 ? m : increment;
                }

                expected[i] = p;
            }

            AssertClose(expected, Run(new RmsProp(momentum: momentum, centered: centered), lr));
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.004)]
        public void AdamAndAdamW(double weightDecay)
        {
            double lr = 0.001, b1 = 0.9, b2 = 0.999, eps = 1e-7;
            var expected = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double m = 0, v = 0, p = P0[i];
                int t = 0;
                foreach (double g in new[] { G1[i], G2[i] })
                {
                    t++;
                    p -= lr * weightDecay * p;
                    double alpha = lr * Math.Sqrt(1 - Math.Pow(b2, t)) / (1 - Math.Pow(b1, t));
                    m += (g - m) * (1 - b1);
                    v += (g * g - v) * (1 - b2);
                    p -= alpha * m / (Math.Sqrt(v) + eps);
                }

                expected[i] = p;
            }

            Optimizer optimizer = weightDecay == 0 ? new Adam() : new AdamW();
            AssertClose(expected, Run(optimizer, lr));
        }

        [Fact]
        public void KerasDefaults()
        {
            Assert.Equal(0.01, new Sgd().LearningRate);
            Assert.Equal(0.001, new Adam().LearningRate);
            Assert.Equal(0.004, new AdamW().WeightDecay);
            Assert.Equal(0.9, new RmsProp().Rho);
            Assert.Equal(0.95, new AdaDelta().Rho);
            Assert.Equal(0.1, new AdaGrad().InitialAccumulator);
            Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(learningRate: -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(momentum: 1.5));
        }
    }
}

namespace ScheduleDsl.Training.Tests
{
    /// <summary>
    /// Large parameters are updated in slices on every worker: the same bits as one pass, for every optimizer and with
    /// weight decay, and a rule defined outside the library (here a class derived from Adam) still runs its own override.
    /// </summary>
    [Collection("Simd")]
    public class SlicedUpdateTests
    {
        public static TheoryData<string> Optimizers => new TheoryData<string> { "sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "rmsprop-centered", "adagrad", "adadelta" };

        private static Optimizer Create(string name) => name switch
        {
            "sgd" => new Sgd(learningRate: 0.05, weightDecay: 0.01),
            "momentum" => new Sgd(learningRate: 0.05, momentum: 0.9),
            "nesterov" => new Sgd(learningRate: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01),
            "adam" => new Adam(learningRate: 1e-3),
            "adamw" => new AdamW(learningRate: 1e-3, weightDecay: 0.01),
            "rmsprop" => new RmsProp(learningRate: 1e-3, momentum: 0.5),
            "rmsprop-centered" => new RmsProp(learningRate: 1e-3, centered: true),
            "adagrad" => new AdaGrad(learningRate: 0.01),
            _ => new AdaDelta(learningRate: 1.0),
        };

        private static float[] Train(Optimizer optimizer, bool sliced)
        {
            var random = new Random(5);
            var parameter = new Parameter("w", new[] { 40_003 });
            Parameter[] parameters = { parameter, new Parameter("b", new[] { 7 }), new Parameter("w2", new[] { 33_000 }), new Parameter("b2", new[] { 300 }), new Parameter("b3", new[] { 5 }) };
            foreach (Parameter each in parameters)
            {
                for (int i = 0; i < each.Length; i++)
                {
                    each.Value[i] = (float)(random.NextDouble() * 2 - 1);
                }
            }

            optimizer.Bind(parameters);
            bool previous = Optimizer.SliceAcrossWorkers;
            Optimizer.SliceAcrossWorkers = sliced;
            try
            {
                for (int step = 0; step < 3; step++)
                {
                    foreach (Parameter each in parameters)
                    {
                        for (int i = 0; i < each.Length; i++)
                        {
                            each.Gradient[i] = (float)(random.NextDouble() - 0.5);
                        }
                    }

                    optimizer.Step(0.01 * (step + 1));
                }
            }
            finally
            {
                Optimizer.SliceAcrossWorkers = previous;
            }

            float[] all = new float[parameters.Sum(each => each.Length)];
            int offset = 0;
            foreach (Parameter each in parameters)
            {
                each.Value.CopyTo(all, offset);
                offset += each.Length;
            }

            return all;
        }

        [Theory]
        [MemberData(nameof(Optimizers))]
        public void SlicesGiveTheBitsOfOnePass(string name)
        {
            float[] sliced = Train(Create(name), sliced: true);
            float[] whole = Train(Create(name), sliced: false);
            Assert.True(sliced.AsSpan().SequenceEqual(whole), name + ": the sliced update differs from one pass");
            Assert.NotEqual(0f, sliced[0]);
        }

        [Fact]
        public void ADerivedRuleRunsItsOwnOverride()
        {
            var optimizer = new CountingAdam();
            Train(optimizer, sliced: true);
            Assert.Equal(5 * 3, optimizer.Calls); // each of the five parameters whole, in each of three steps
        }

        private sealed class CountingAdam : Adam
        {
            public int Calls { get; private set; }

            protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr)
            {
                Calls++;
                base.Update(value, gradient, slots, lr);
            }
        }
    }
}
