using System;
using System.Numerics.Tensors;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Stochastic gradient descent, as Keras: <c>p ← p − lr·g</c>; with momentum μ, <c>m ← μ·m − lr·g</c> then
    /// <c>p ← p + m</c>, or with Nesterov <c>p ← p + μ·m − lr·g</c>. Defaults: lr 0.01, μ 0.
    /// </summary>
    public sealed class Sgd : Optimizer
    {
        public Sgd(double learningRate = 0.01, double momentum = 0, bool nesterov = false, double weightDecay = 0)
            : base(learningRate, weightDecay)
        {
            if (!(momentum >= 0 && momentum <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must lie in [0, 1].");
            }

            Momentum = momentum;
            Nesterov = nesterov;
        }

        public double Momentum { get; }

        public bool Nesterov { get; }

        protected override string[] SlotNames => Momentum > 0 ? new[] { "momentum" } : Array.Empty<string>();

        public override string Describe() => "sgd(lr=" + F(LearningRate) + ", momentum=" + F(Momentum) + ", nesterov=" + (Nesterov ? "true" : "false") + ", weight_decay=" + F(WeightDecay) + ")";

        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr)
        {
            if (Momentum == 0)
            {
                TensorPrimitives.MultiplyAdd(gradient, -lr, value, value);
                return;
            }

            float mu = (float)Momentum;
            Span<float> m = slots[0];
            TensorPrimitives.Multiply(m, mu, m);
            TensorPrimitives.MultiplyAdd(gradient, -lr, m, m);
            if (Nesterov)
            {
                TensorPrimitives.MultiplyAdd(m, mu, value, value);
                TensorPrimitives.MultiplyAdd(gradient, -lr, value, value);
            }
            else
            {
                TensorPrimitives.Add(value, m, value);
            }
        }
    }
}
