using System.Globalization;
using CsCheck;

namespace ScheduleDsl.Tests
{
    /// <summary>CsCheck generators of random valid schedule texts, covering every kernel, clause and composition form.</summary>
    internal static class ScheduleTextGen
    {
        private static readonly Gen<string> Factor = Gen.Double[0.05, 1.0].Select(Num);
        private static readonly Gen<string> Level = Gen.Double[1e-5, 1.0].Select(Num);
        private static readonly Gen<string> Length = Gen.Int[1, 50].Select(i => i.ToString(CultureInfo.InvariantCulture));

        /// <summary>v2: the <c>momentum [lo to hi]</c> option of cyclic and onecycle, now and then.</summary>
        private static readonly Gen<string> MomentumOption = Gen.Frequency(
            (6, Gen.Const(string.Empty)),
            (1, Gen.Const(" momentum")),
            (1, Gen.Select(Gen.Double[0.5, 0.85], Gen.Double[0.86, 0.99], (lo, hi) => " momentum " + Num(lo) + " to " + Num(hi))));

        private static readonly Gen<string> Open = Gen.OneOf(
            Gen.OneOf(Gen.Const("constant"), Level.Select(v => "constant " + v)),
            Gen.Select(Factor, Length, (g, k) => $"step {g} every {k}"),
            Gen.Select(Factor, Gen.Int[0, 20].Array[1, 4], (g, ms) => $"multistep {g} at {Milestones(ms)}"),
            Gen.Select(Factor, Gen.Bool, Gen.Bool, Length, (g, every, stair, k) => $"exp {g}{(every ? " every " + k : string.Empty)}{(stair ? " staircase" : string.Empty)}"),
            Gen.Select(Gen.Double[0, 3], Length, Gen.Bool, (r, k, stair) => $"inverse-time {Num(r)} every {k}{(stair ? " staircase" : string.Empty)}"),
            Gen.Select(Gen.Bool, Gen.Double[0.5, 100], (has, k) => "inverse-sqrt" + (has ? " scale " + Num(k) : string.Empty)),
            Gen.Select(Length, Gen.Int[1, 3], Factor, Level, (n, m, d, e) => $"restarts {n} mult {m} decay {d} to {e}"),
            Gen.Select(Length, Gen.Double[1, 3], Factor, Level, (n, m, d, e) => $"restarts {n} mult {Num(m)} amplitude {d} to {e}"),
            Gen.Select(Gen.Int[0, 2], Gen.Double[0.001, 0.5], Gen.Double[0.51, 1], Length, Length, (mode, lo, hi, up, down) =>
                $"cyclic {(mode == 0 ? string.Empty : mode == 1 ? "triangular2 " : "exp-range 0.999 ")}{Num(lo)} to {Num(hi)} up {up} down {down}").Select(MomentumOption, (k, m) => k + m),
            Gen.Select(Level, Level, Level, (a, b, c) => $"piecewise {a} until 3, {b} until 7, {c}"),
            Gen.Select(Factor.Where(f => f != "1"), Gen.Int[0, 4], Gen.Int[0, 3], Gen.Bool, Gen.Bool, (f, p, c, max, absolute) =>
                $"plateau factor {f} patience {p} cooldown {c}{(absolute ? " threshold 0.01 absolute" : string.Empty)}{(max ? " mode max" : string.Empty)} floor 1e-6"),
            Gen.Select(Length, Gen.Double[0.5, 3], Level, (n, p, e) => $"poly {n} power {Num(p)} to {e} cycle"));

        private static readonly Gen<string> Bounded = Gen.OneOf(
            Length.Select(n => "hold " + n),
            Gen.Select(Gen.Int[0, 3], Length, Gen.Double[0.001, 0.01], Level, (shape, n, a, b) => $"warmup {(shape == 0 ? "linear" : shape == 1 ? "cosine" : shape == 2 ? "exp" : "sqrt")} {n} from {Num(a)} to {b}"),
            Gen.Select(Length, Level, (n, e) => $"linear {n} to {e}"),
            Gen.Select(Length, Gen.Double[0.5, 3], Level, (n, p, e) => $"poly {n} power {Num(p)} to {e}"),
            Gen.Select(Length, Level, (n, e) => $"cosine {n} to {e}"),
            Gen.Select(Length, Level, Gen.Double[0.5, 3], Gen.Double[0.5, 3], (n, e, p, k) => $"cosine {n} to {e} power {Num(p)} k-decay {Num(k)}"),
            Gen.Select(Length, Level, (n, e) => $"sqrt {n} to {e}"),
            Gen.Select(Length, Level, (n, e) => $"tanh {n} to {e}"),
            Gen.Select(Level, Gen.Int[10, 200], Gen.Bool, Gen.Bool, (peak, n, linear, three) =>
                $"onecycle {peak} over {n} warm 0.3{(linear ? " linear" : string.Empty)}{(three ? " three-phase" : string.Empty)}").Select(MomentumOption, (k, m) => k + m));

        /// <summary>A phase of the given nesting depth that ends (bounded), or may not end (open) when it is last.</summary>
        private static Gen<string> Phase(int depth, bool mayBeOpen)
        {
            Gen<string> kernel = mayBeOpen ? Gen.OneOf(Open, Bounded) : Gen.OneOf(Bounded, Gen.Select(Open, Length, (k, n) => k + " for " + n));
            // v2 'skip K' on a kernel with room to skip (a bounded one is at least 200 long), without a plateau.
            Gen<string> skipped = Gen.Select(Gen.Int[200, 400], Level, Gen.Int[1, 199], (n, e, k) => $"cosine {n} to {e} skip {k}");
            kernel = Gen.Frequency((8, kernel), (1, skipped));
            if (depth == 0)
            {
                return kernel;
            }

            Gen<string> product = Gen.Select(Phase(depth - 1, true), Phase(depth - 1, true), (a, b) => $"({a}) * ({b})");
            Gen<string> nested = Chain(depth - 1).Select(Length, (c, n) => $"({c}) for {n}");
            return mayBeOpen ? Gen.Frequency((4, kernel), (1, product), (1, nested)) : Gen.Frequency((4, kernel), (1, product.Select(Length, (p, n) => $"({p}) for {n}")), (1, nested));
        }

        private static Gen<string> Chain(int depth) =>
            Gen.Int[0, 3].SelectMany(count => Phase(depth, false).Array[count].SelectMany(first => Phase(depth, true).Select(last =>
                string.Join(" -> ", first) + (first.Length > 0 ? " -> " : string.Empty) + last)));

        private static readonly Gen<string> Header = Gen.Select(Gen.Bool, Gen.Int[0, 2], Gen.Bool, Level, (lr, per, min, x) =>
        {
            string h = (lr ? "lr " + x + " " : string.Empty) + (per == 1 ? "per step " : per == 2 ? "per epoch " : string.Empty) + (min ? "min 1e-7" : string.Empty);
            return h.Trim().Length == 0 ? string.Empty : h.Trim() + ": ";
        });

        /// <summary>v2: further channels after the learning rate's, absolute or factors.</summary>
        private static readonly Gen<string> OtherChannels = Gen.Frequency(
            (6, Gen.Const(string.Empty)),
            (1, Gen.Select(Gen.Double[0.5, 0.99], Chain(1), (m, c) => "; momentum " + Num(m) + ": " + c)),
            (1, Gen.Select(Gen.Bool, Level, Chain(1), (absolute, wd, c) => "; weight-decay" + (absolute ? " " + wd : string.Empty) + ": " + c)));

        /// <summary>A valid schedule text: the rate's channel, then sometimes momentum or weight decay (only valid combinations are kept).</summary>
        public static readonly Gen<string> Schedule = Gen.Select(Header, Chain(2), OtherChannels, (h, c, o) => h + c + o)
            .Where(text => ScheduleDsl.Schedule.TryParse(text, out _, out _));

        private static string Milestones(int[] increments)
        {
            var parts = new string[increments.Length];
            int at = 0;
            for (int i = 0; i < increments.Length; i++)
            {
                at += increments[i] + (i == 0 ? 0 : 1);
                parts[i] = at.ToString(CultureInfo.InvariantCulture);
            }

            return string.Join(", ", parts);
        }

        private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
