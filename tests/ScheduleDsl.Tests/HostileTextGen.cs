using System;
using System.Globalization;
using CsCheck;

namespace ScheduleDsl.Tests
{
    /// <summary>
    /// Schedule texts a hostile user or a fuzzer writes: every kernel with numbers at the edges of double, nested
    /// compositions, and single-character mutations of valid texts.
    /// </summary>
    internal static class HostileTextGen
    {
        private static readonly string[] Extremes = { "1e-310", "1e-300", "1e-200", "1e-20", "0.5", "1", "2", "1e20", "1e200", "1e300", "1.7e308", "2147483647" };

        private static readonly Gen<string> Number = Gen.OneOf(Gen.Int[0, Extremes.Length - 1].Select(i => Extremes[i]), Gen.Int[1, 40].Select(i => i.ToString(CultureInfo.InvariantCulture)));

        private static readonly Gen<string> Kernel = Gen.OneOf(
            Gen.Const("constant"),
            Number.Select(v => "constant " + v),
            Number.Select(n => "hold " + n),
            Gen.Select(Gen.Int[0, 2], Number, Number, Number, (s, n, a, b) => "warmup " + (s == 0 ? "linear" : s == 1 ? "cosine" : "exp") + " " + n + " from " + a + " to " + b),
            Gen.Select(Number, Number, (g, k) => "step " + g + " every " + k),
            Gen.Select(Number, Number, (g, k) => "exp " + g + " every " + k),
            Gen.Select(Gen.Int[0, 3], Number, Number, Number, (s, n, p, e) => (s == 0 ? "linear " + n : s == 1 ? "poly " + n + " power " + p : s == 2 ? "cosine " + n : "tanh " + n) + " to " + e),
            Gen.Select(Number, Number, Number, Number, (n, m, d, e) => "restarts " + n + " mult " + m + " decay " + d + " to " + e),
            Gen.Select(Number, Number, Number, Number, (g, lo, hi, up) => "cyclic exp-range " + g + " " + lo + " to " + hi + " up " + up),
            Gen.Select(Number, Number, Number, Number, (p, n, a, b) => "onecycle " + p + " over " + n + " div " + a + " final-div " + b),
            Gen.Select(Number, Number, (f, p) => "plateau factor 0.5 patience " + p + " floor " + f),
            // v2 options at the edges of double: real multipliers, amplitudes, shaped cosines, cycles, sqrt.
            Gen.Select(Number, Number, Number, Number, (n, m, d, e) => "restarts " + n + " mult " + m + " amplitude " + d + " to " + e),
            Gen.Select(Number, Number, Number, Number, (n, e, p, k) => "cosine " + n + " to " + e + " power " + p + " k-decay " + k),
            Gen.Select(Number, Number, Number, (n, p, e) => "poly " + n + " power " + p + " to " + e + " cycle"),
            Gen.Select(Number, Number, (n, e) => "sqrt " + n + " to " + e),
            Gen.Select(Number, Number, Number, (n, a, b) => "warmup sqrt " + n + " from " + a + " to " + b),
            Gen.Select(Number, Number, (f, r) => "plateau factor 0.5 patience 2 threshold " + r + " absolute floor " + f),
            // v2 channels' kernels: the momentum option at the edges, and custom functions with odd names.
            Gen.Select(Number, Number, Gen.Int[0, 2], Gen.Int[0, 1], (p, n, lo, hi) => "onecycle " + p + " over " + n + " momentum " + new[] { "0", "1e-310", "0.5" }[lo] + " to " + new[] { "0.9", "0.999999" }[hi]),
            Gen.Select(Number, Number, Number, Number, (lo, hi, up, m) => "cyclic triangular2 " + lo + " to " + hi + " up " + up + " momentum 0." + m.Replace(".", string.Empty, StringComparison.Ordinal) + " to 0.99"),
            Gen.Int[0, 4].Select(i => "custom " + new[] { "f", "myDecay", "step", "At", "x1" }[i]));

        private static Gen<string> Phase(int depth) =>
            depth == 0
                ? Gen.Frequency((3, Kernel), (1, Gen.Select(Kernel, Number, (k, n) => k + " for " + n)), (1, Gen.Select(Kernel, Number, Number, (k, sk, n) => k + " skip " + sk + " for " + n)))
                : Gen.Frequency(
                    (3, Phase(0)),
                    (1, Gen.Select(Chain(depth - 1), Gen.Bool, Number, (c, cut, n) => "(" + c + ")" + (cut ? " for " + n : string.Empty))),
                    (1, Gen.Select(Phase(depth - 1), Phase(depth - 1), (a, b) => a + " * " + b)));

        private static Gen<string> Chain(int depth) => Phase(depth).Array[1, 4].Select(phases => string.Join(" -> ", phases));

        /// <summary>v2: a further channel, now and then, with a level at the edges (a momentum of 1e300 is refused, not used).</summary>
        private static readonly Gen<string> OtherChannel = Gen.Frequency(
            (8, Gen.Const(string.Empty)),
            (1, Gen.Select(Gen.Int[0, 5].Select(i => new[] { "0", "1e-310", "0.5", "0.9", "0.999999", "1e300" }[i]), Chain(1), (m, c) => "; momentum " + m + ": " + c)),
            (1, Gen.Select(Gen.Bool, Number, Chain(1), (absolute, w, c) => "; weight-decay" + (absolute ? " " + w : string.Empty) + ": " + c)));

        public static readonly Gen<string> Text = Gen.Select(Gen.Bool, Number, Chain(2), Gen.Int[0, 7], Number, OtherChannel, (lr, x, chain, header, steps, other) =>
            (lr ? "lr " + x + " " : string.Empty) + (header == 0 ? "per step steps-per-epoch " + steps + " " : string.Empty)
            + (lr || header == 0 ? ": " : string.Empty) + (header == 0 ? chain.Replace(" for ", " epochs for ", StringComparison.Ordinal) : chain) + other);

        /// <summary>Valid texts with one to four characters replaced and, in half of them, one deleted.</summary>
        public static readonly Gen<string> Mutated =
            Gen.Select(ScheduleTextGen.Schedule, Gen.Int[0, 1000].Array[1, 4], Gen.Char["0.-e>*() :,#xaZ\"\\\u2212;@"].Array[4], Gen.Bool, (text, positions, chars, delete) =>
            {
                char[] mutated = text.ToCharArray();
                for (int i = 0; i < positions.Length; i++)
                {
                    mutated[positions[i] % mutated.Length] = chars[i];
                }

                string result = new string(mutated);
                return delete ? result.Remove(positions[0] % result.Length, 1) : result;
            });

        /// <summary>How many times the usual sample counts to draw: 1 in the test suite, more in build/fuzz.sh (FUZZ_SCALE).</summary>
        public static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out int scale) && scale > 0 ? scale : 1;
    }
}
