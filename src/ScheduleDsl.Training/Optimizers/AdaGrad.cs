using System;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace ScheduleDsl.Training
{
    /// <summary>AdaGrad, as Keras: <c>a ← a + g²</c>, <c>p ← p − lr·g / √(a + ε)</c>. Defaults: lr 0.001, a₀ 0.1, ε 1e-7.</summary>
    public sealed class AdaGrad : Optimizer
    {
        /// <summary>AdaGrad (Keras <c>Adagrad</c>): rates scaled down by the root of the accumulated squared gradients.</summary>
        public AdaGrad(double learningRate = 0.001, double initialAccumulator = 0.1, double epsilon = 1e-7, double weightDecay = 0)
            : base(learningRate, weightDecay)
        {
            if (!(initialAccumulator >= 0) || !(epsilon > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(epsilon), "The initial accumulator must be ≥ 0 and epsilon > 0.");
            }

            InitialAccumulator = initialAccumulator;
            Epsilon = epsilon;
        }

        /// <summary>The starting value of the accumulated squares.</summary>
        public double InitialAccumulator { get; }

        /// <summary>Added to the root of the accumulator for stability.</summary>
        public double Epsilon { get; }

        /// <inheritdoc/>
        protected override string[] SlotNames => new[] { "accumulator" };

        /// <inheritdoc/>
        public override string Describe() => "adagrad(lr=" + F(LearningRate) + ", initial_accumulator=" + F(InitialAccumulator) + ", epsilon=" + F(Epsilon) + ", weight_decay=" + F(WeightDecay) + ")";

        /// <inheritdoc/>
        protected override void InitializeSlot(int slot, float[] values) => Array.Fill(values, (float)InitialAccumulator);

        /// <inheritdoc/>

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr) => UpdateSlice(value, gradient, slots, 0, lr, Scratch.AsSpan(0, value.Length));

        private protected override bool IsElementwise => true;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private protected override void UpdateSlice(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, int start, float lr, Span<float> scratch)
        {
            Span<float> a = slots[0].AsSpan(start, value.Length);
            Span<float> t = scratch;
            Kernels.Vec.MultiplyAdd(gradient, gradient, a, a);
            Kernels.Vec.Add(a, (float)Epsilon, t);
            Kernels.Vec.Sqrt(t, t);
            Kernels.Vec.Divide(gradient, t, t);
            Kernels.Vec.MultiplyAdd(t, -lr, value, value);
        }
    }
}
