using System;

#if SCHEDULEDSL_RUNTIME
namespace ScheduleDsl
#else
namespace ScheduleDsl.Language.Model
#endif
{
    /// <summary>
    /// Arithmetic on levels that keeps every value finite and ≥ 0, shared by the interpreter and by generated code (which
    /// calls it where a level is only known at run time and writes the same formula inline where it is known at build time).
    /// Every curve between two levels is computed from the end it leaves when it falls and from the end it leaves when it
    /// rises, so no value is the small difference of two large ones.
    /// </summary>
#if SCHEDULEDSL_RUNTIME
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public
#else
    internal
#endif
    static class Levels
    {
        /// <summary>The smallest positive normal double: below it a ratio has lost precision.</summary>
        private const double SmallestNormal = 2.2250738585072014E-308;

        /// <summary><c>a·b</c>, with 0 winning over any size and overflow saturating at <see cref="double.MaxValue"/>.</summary>
        public static double Scale(double a, double b)
        {
            if (a == 0 || b == 0)
            {
                return 0;
            }

            double product = a * b;
            return product > double.MaxValue ? double.MaxValue : product;
        }

        /// <summary>
        /// The check every schedule makes on its time index, generated or parsed, with one message: <paramref name="t"/>
        /// must be 0 or more.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative.</exception>
        public static void CheckTime(long t)
        {
            if (t < 0)
            {
                ThrowNegativeTime(t);
            }
        }

        // Apart from CheckTime so that the check itself is small enough to be inlined into every At.
        private static void ThrowNegativeTime(long t) => throw new ArgumentOutOfRangeException(nameof(t), t, "The time index must be 0 or more.");

        /// <summary>
        /// A <c>custom</c> function's value, checked: one that is not finite or is below 0 throws, naming the function and the
        /// local time — nothing is silently clamped.
        /// </summary>
        /// <exception cref="InvalidOperationException">The value is NaN, infinite or negative.</exception>
        public static double CheckCustom(double value, string name, long t)
        {
            if (value >= 0 && value <= double.MaxValue)
            {
                return value;
            }

            throw new InvalidOperationException(global::ScheduleDsl.Language.Model.CustomKernel.Refusal(value, name, t));
        }

        /// <summary>Clamps a computed value into [0, <see cref="double.MaxValue"/>]; a NaN (which no kernel produces) would become 0.</summary>
        public static double Saturate(double value)
        {
            if (value > double.MaxValue)
            {
                return double.MaxValue;
            }

            return value > 0 ? value : 0;
        }

        /// <summary>A straight line from <paramref name="from"/> at τ = 0 to <paramref name="to"/> at τ = n.</summary>
        public static double Linear(double from, double to, long tau, long n) =>
            from <= to ? from + (to - from) * ((double)tau / n) : to + (from - to) * ((double)(n - tau) / n);

        /// <summary>A half cosine from <paramref name="from"/> at x = 0 to <paramref name="to"/> at x = 1 (PyTorch's <c>CosineAnnealingLR</c> when falling).</summary>
        public static double Cosine(double from, double to, double x) =>
            from >= to ? to + (from - to) * (1 + Math.Cos(Math.PI * x)) / 2 : from + (to - from) * (1 - Math.Cos(Math.PI * x)) / 2;

        /// <summary><c>(1−x)^p</c> of the way from <paramref name="to"/> back to <paramref name="from"/> (optax's polynomial schedule when falling).</summary>
        public static double Poly(double from, double to, double x, double power) =>
            from >= to ? to + (from - to) * Math.Pow(1 - x, power) : from + (to - from) * (1 - Math.Pow(1 - x, power));

        /// <summary>
        /// The cosine of optax's <c>cosine_decay_schedule(exponent=p)</c> with timm's <c>k_decay</c>: the weight of
        /// <paramref name="from"/> is <c>((1 + cos(π·x^k)) / 2)^p</c>.
        /// </summary>
        public static double CosinePower(double from, double to, double x, double power, double kDecay)
        {
            double weight = Math.Pow((1 + Math.Cos(Math.PI * Math.Pow(x, kDecay))) / 2, power);
            return from >= to ? to + (from - to) * weight : from + (to - from) * (1 - weight);
        }

        /// <summary>The 1−sqrt cooldown of warmup-stable-decay: the weight of <paramref name="from"/> is <c>1 − √x</c> (HF <c>decay_type="1-sqrt"</c>).</summary>
        public static double Sqrt(double from, double to, double x) =>
            from >= to ? to + (from - to) * (1 - Math.Sqrt(x)) : from + (to - from) * Math.Sqrt(x);

        /// <summary>The tanh curve of timm from <paramref name="from"/> to <paramref name="to"/>.</summary>
        public static double Tanh(double from, double to, double x) =>
            from >= to ? to + (from - to) * (1 - Math.Tanh(-7 + 10 * x)) / 2 : from + (to - from) * (1 + Math.Tanh(-7 + 10 * x)) / 2;

        /// <summary>
        /// The cosine of PyTorch's <c>OneCycleLR</c> from <paramref name="from"/> at <paramref name="pct"/> = 0 to
        /// <paramref name="to"/> at 1, written as PyTorch writes it when falling.
        /// </summary>
        public static double OneCycleCosine(double from, double to, double pct) =>
            from >= to ? to + (from - to) / 2 * (Math.Cos(Math.PI * pct) + 1) : from + (to - from) / 2 * (1 - Math.Cos(Math.PI * pct));

        /// <summary>
        /// <c>a·(b/a)^x</c>, the exponential warmup from <paramref name="a"/> to <paramref name="b"/>; in log space where the ratio
        /// itself would overflow or lose precision (<c>1e-200</c> to <c>1e200</c>), so the middle is <c>1</c>, not infinity.
        /// </summary>
        public static double Geometric(double a, double b, double x)
        {
            if (a == 0)
            {
                return 0;
            }

            if (IsPlainRatio(a, b))
            {
                return Scale(a, Math.Pow(b / a, x));
            }

            if (b == 0)
            {
                return x == 0 ? a : 0;
            }

            // Log space, from the nearer end so that both ends come out exactly; exp of a large exponent would overflow
            // before the tiny end scales it back, so such points take the exponent whole.
            double span = Math.Log(b) - Math.Log(a);
            (double end, double exponent) = x <= 0.5 ? (a, x * span) : (b, (x - 1) * span);
            return Math.Abs(exponent) < 700 ? Scale(end, Math.Exp(exponent)) : Saturate(Math.Exp(Math.Log(end) + exponent));
        }

        /// <summary>
        /// The cycle of <c>restarts N mult m</c> holding <paramref name="tau"/> for a multiplier that is not a whole number
        /// (timm <c>cycle_mul</c>, Keras <c>t_mul</c>): cycle i starts at <c>B_i = N·(mⁱ−1)/(m−1)</c> and lasts <c>N·mⁱ</c>. A
        /// logarithm gives the first guess, then the computed boundaries decide, so <c>B_i ≤ τ &lt; B_(i+1)</c> always holds —
        /// where the peers' floating logarithm can miss a boundary by one step.
        /// </summary>
        public static void GeometricCycle(long tau, double first, double mult, out long cycle, out double position, out double length)
        {
            double guess = Math.Floor(Math.Log(1 + tau * (mult - 1) / first) / Math.Log(mult));
            long i = guess >= 0 && guess < 1e15 ? (long)guess : 0;
            while (i > 0 && CycleStart(i, first, mult) > tau)
            {
                i--;
            }

            while (CycleStart(i + 1, first, mult) <= tau)
            {
                i++;
            }

            cycle = i;
            position = tau - CycleStart(i, first, mult);
            length = first * Math.Pow(mult, i);
        }

        private static double CycleStart(long i, double first, double mult) => first * (Math.Pow(mult, i) - 1) / (mult - 1);

        /// <summary>Whether <c>b/a</c> is a positive normal finite number, so <c>a·(b/a)^x</c> is accurate.</summary>
        public static bool IsPlainRatio(double a, double b)
        {
            double ratio = b / a;
            return ratio >= SmallestNormal && ratio <= double.MaxValue;
        }
    }
}
