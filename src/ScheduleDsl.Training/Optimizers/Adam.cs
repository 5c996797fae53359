using System;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Adam, as Keras: at update t, <c>α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)</c> (β₁ the current one when a schedule drives it), <c>m ← m + (g − m)(1−β₁)</c>,
    /// <c>v ← v + (g² − v)(1−β₂)</c>, <c>p ← p − α·m / (√v + ε)</c>. Defaults: lr 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
    /// </summary>
    public class Adam : Optimizer
    {
        /// <summary>Adam (Keras <c>Adam</c>, with Keras's ε = 1e-7); a weight decay here is decoupled.</summary>
        public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, double weightDecay = 0)
            : base(learningRate, weightDecay)
        {
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(beta1), "beta1 and beta2 must lie in [0, 1) and epsilon be > 0.");
            }

            Beta1 = beta1;
            Beta2 = beta2;
            Epsilon = epsilon;
        }

        /// <summary>The decay of the first-moment estimate.</summary>
        public double Beta1 { get; }

        /// <summary>The decay of the second-moment estimate.</summary>
        public double Beta2 { get; }

        /// <summary>Added to the root of the second moment for stability.</summary>
        public double Epsilon { get; }

        /// <inheritdoc/>
        public override double? ConfiguredMomentum => Beta1;

        /// <inheritdoc/>
        protected override string[] SlotNames => new[] { "m", "v" };

        /// <inheritdoc/>
        public override string Describe() => Name + "(lr=" + F(LearningRate) + ", beta1=" + F(Beta1) + ", beta2=" + F(Beta2) + ", epsilon=" + F(Epsilon) + ", weight_decay=" + F(WeightDecay) + ")";

        /// <summary>The name in <see cref="Describe"/>.</summary>
        protected virtual string Name => "adam";

        /// <inheritdoc/>

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr) => UpdateSlice(value, gradient, slots, 0, lr, Scratch.AsSpan(0, value.Length));

        private protected override bool IsElementwise => true;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private protected override void UpdateSlice(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, int start, float lr, Span<float> scratch)
        {
            // β₁ is this step's (a schedule's momentum channel drives it); the bias correction uses the current β₁, 1 − β₁ᵗ, as PyTorch does.
            double t = Iterations;
            double beta1 = CurrentMomentum;
            float alpha = (float)(lr * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(beta1, t)));
            float b1 = (float)beta1;
            float b2 = (float)Beta2;
            float eps = (float)Epsilon;
            Span<float> m = slots[0].AsSpan(start, value.Length);
            Span<float> v = slots[1].AsSpan(start, value.Length);

            // One pass: m ← m + (g − m)(1 − β₁); v ← v + (g² − v)(1 − β₂); p ← p − α·m / (√v + ε).
            int i = 0;
            if (Kernels.Simd.IsVectorized)
            {
                Span<Vector<float>> pv = MemoryMarshal.Cast<float, Vector<float>>(value);
                ReadOnlySpan<Vector<float>> gv = MemoryMarshal.Cast<float, Vector<float>>(gradient);
                Span<Vector<float>> mv = MemoryMarshal.Cast<float, Vector<float>>(m);
                Span<Vector<float>> vv = MemoryMarshal.Cast<float, Vector<float>>(v);
                var oneMinusB1 = new Vector<float>(1 - b1);
                var oneMinusB2 = new Vector<float>(1 - b2);
                var epsV = new Vector<float>(eps);
                var alphaV = new Vector<float>(alpha);
                for (int k = 0; k < pv.Length; k++)
                {
                    Vector<float> g = gv[k];
                    Vector<float> mk = mv[k] + (g - mv[k]) * oneMinusB1;
                    Vector<float> vk = vv[k] + (g * g - vv[k]) * oneMinusB2;
                    mv[k] = mk;
                    vv[k] = vk;
                    pv[k] -= alphaV * mk / (Vector.SquareRoot(vk) + epsV);
                }

                i = pv.Length * Vector<float>.Count;
            }

            for (; i < value.Length; i++)
            {
                float g = gradient[i];
                m[i] += (g - m[i]) * (1 - b1);
                v[i] += (g * g - v[i]) * (1 - b2);
                value[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + eps);
            }
        }
    }

    /// <summary>AdamW: Adam with decoupled weight decay, Keras's default 0.004.</summary>
    public sealed class AdamW : Adam
    {
        /// <summary>Adam with decoupled weight decay (Keras <c>AdamW</c>; default decay 0.004).</summary>
        public AdamW(double learningRate = 0.001, double weightDecay = 0.004, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
            : base(learningRate, beta1, beta2, epsilon, weightDecay)
        {
        }

        /// <inheritdoc/>
        protected override string Name => "adamw";
    }
}
