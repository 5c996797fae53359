using System.Collections.Generic;
using ScheduleDsl.Language.Model;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators.Emit
{
    /// <summary>
    /// Writes the statements of <c>At</c> and <c>Observe</c> for a model: straight-line code with every level known at build
    /// time folded in. Each formula is written exactly as the interpreter computes it, so both give the same bits.
    /// </summary>
    internal sealed class BodyEmitter
    {
        private const string Math = "global::System.Math";
        private const string Helper = "global::ScheduleDsl.Levels";
        private readonly SourceWriter _w;
        private readonly string _statePrefix;
        private int _next;

        public BodyEmitter(SourceWriter writer, bool isStatic)
        {
            _w = writer;
            _statePrefix = isStatic ? "s_plateau" : "_plateau";
        }

        /// <summary>Whether the code used the <c>MultiplyLevels</c> helper.</summary>
        public bool UsesScale { get; private set; }

        public static string StateField(bool isStatic, int index) => (isStatic ? "s_plateau" : "_plateau") + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private string Fresh(string prefix) => prefix + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private string Scale(string a, string b)
        {
            UsesScale = true;
            return "MultiplyLevels(" + a + ", " + b + ")";
        }

        /// <summary>
        /// <c>s·g^n</c>: a plain product when the level is a known finite number and the factor at most 1, since
        /// <c>g^n</c> then lies in [0, 1] and the product can neither overflow nor be NaN — the same value
        /// <c>MultiplyLevels</c> gives, without its checks.
        /// </summary>
        private string ScalePower(LevelCode s, double factor, string power) =>
            s.Known is double known && known <= double.MaxValue && factor <= 1 ? s.Code + " * " + power : Scale(s.Code, power);

        /// <summary>
        /// Writes statements that assign the value of <paramref name="node"/> at <paramref name="tau"/> to <paramref name="target"/>;
        /// <paramref name="withinLength"/> is true where the caller has already checked that the time is below the node's length.
        /// </summary>
        public void Value(ScheduleNode node, string tau, LevelCode s, string target, bool withinLength = false)
        {
            if (IsLiteral(tau, out _) && UsesTime(node))
            {
                // A time known at build time goes through a variable, so no condition on it is a constant (no CS0162 in user builds).
                string at = Fresh("at");
                _w.Line("long " + at + " = " + tau + ";");
                tau = at;
            }

            switch (node)
            {
                case ChainNode chain:
                    Chain(chain, tau, s, target);
                    break;
                case ProductNode product:
                    var factors = new List<string>();
                    foreach (ScheduleNode operand in product.Operands)
                    {
                        string factor = Fresh("f");
                        _w.Line("// × " + CanonicalWriter.Write(operand));
                        _w.Line("double " + factor + ";");
                        Value(operand, tau, LevelCode.Constant(1.0), factor);
                        factors.Add(factor);
                    }

                    // One statement per factor rather than one nested expression, so thousands of operands stay within the
                    // compiler's limits on expression depth.
                    _w.Line(target + " = " + Scale(s.Code, factors[0]) + ";");
                    for (int i = 1; i < factors.Count; i++)
                    {
                        _w.Line(target + " = " + Scale(target, factors[i]) + ";");
                    }
                    break;
                case CutNode cut when !UsesTime(cut.Inner):
                    Value(cut.Inner, tau, s, target);
                    break;
                case CutNode cut:
                    string cutTau;
                    if (IsLiteral(tau, out long fixedTau))
                    {
                        cutTau = CSharp.Long(fixedTau < cut.Length ? fixedTau : cut.Length);
                    }
                    else
                    {
                        cutTau = Fresh("tau");
                        _w.Line("long " + cutTau + " = " + tau + " < " + CSharp.Long(cut.Length) + " ? " + tau + " : " + CSharp.Long(cut.Length) + ";");
                    }

                    Value(cut.Inner, cutTau, s, target);
                    break;
                case SkipNode skip:
                    string shifted;
                    if (IsLiteral(tau, out long literalTau))
                    {
                        shifted = CSharp.Long(SkipNode.Shift(literalTau, skip.Skipped));
                    }
                    else
                    {
                        // The phase starts part-way along its curve: its own time runs K ahead (saturating, never wrapping).
                        shifted = Fresh("tau");
                        _w.Line("long " + shifted + " = " + tau + " > " + CSharp.Long(long.MaxValue - skip.Skipped) + " ? long.MaxValue : " + tau + " + " + CSharp.Long(skip.Skipped) + ";");
                    }

                    Value(skip.Inner, shifted, s, target, withinLength);
                    break;
                case KernelNode kernel:
                    Kernel(kernel, tau, s, target, withinLength);
                    break;
                default:
                    throw new System.InvalidOperationException("The emitter has no case for " + node.GetType().Name);
            }
        }

        private static bool IsLiteral(string tau, out long value) =>
            long.TryParse(tau, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

        /// <summary>Whether the code written for <paramref name="node"/> reads the time at all.</summary>
        public static bool ReadsTime(ScheduleNode node) => UsesTime(node);

        private static bool UsesTime(ScheduleNode node) => node switch
        {
            ChainNode chain => chain.Phases.Length > 1 || UsesTime(chain.Phases[0]),
            ProductNode product => System.Array.Exists(product.Operands, UsesTime),
            CutNode cut => UsesTime(cut.Inner),
            SkipNode skip => UsesTime(skip.Inner),
            KernelNode kernel => kernel.Kind != KernelKind.Constant && kernel.Kind != KernelKind.Hold && kernel.Kind != KernelKind.Plateau,
            _ => throw new System.InvalidOperationException("The emitter has no case for " + node.GetType().Name),
        };

        /// <summary>Whether the value of <paramref name="node"/> depends on the level it comes in with.</summary>
        public static bool ReadsLevel(ScheduleNode node) => node switch
        {
            ChainNode chain => ReadsLevel(chain.Phases[0]) || System.Array.Exists(chain.Phases, p => p.HasUnknownEnd),
            CutNode cut => ReadsLevel(cut.Inner),
            SkipNode skip => ReadsLevel(skip.Inner),
            ConstantKernel constant => constant.Level == null,
            WarmupKernel warmup => warmup.To == null,
            CyclicKernel or OneCycleKernel or PiecewiseKernel => false,
            _ => true,
        };

        private void Chain(ChainNode chain, string tau, LevelCode s, string target)
        {
            long start = 0;
            int last = chain.Phases.Length - 1;
            for (int i = 0; i <= last; i++)
            {
                ScheduleNode phase = chain.Phases[i];
                long end = i < last ? start + phase.Duration!.Value : 0;
                _w.Line("// " + CanonicalWriter.Write(phase));
                _w.Open(i == 0 ? "if (" + tau + " < " + CSharp.Long(end) + ")" : i < last ? "else if (" + tau + " < " + CSharp.Long(end) + ")" : "else");
                string local = tau;
                if (start > 0 && UsesTime(phase))
                {
                    local = Fresh("tau");
                    _w.Line("long " + local + " = " + tau + " - " + CSharp.Long(start) + ";");
                }

                Value(phase, local, ReadsLevel(phase) ? Incoming(chain, i, s) : s, target, withinLength: i < last);
                _w.Close();
                start = end;
            }
        }

        /// <summary>
        /// The level phase <paramref name="index"/> of a chain starts at: the constant worked out when the model was built,
        /// or, after a plateau, statements that compute it from the phases before (named <c>level{i}</c> at the top level
        /// of <c>At</c>, fresh names inside).
        /// </summary>
        public LevelCode Incoming(ChainNode chain, int index, LevelCode s, bool topLevel = false)
        {
            // Replay from the nearest phase whose start level is known, or that ignores its incoming level (then the
            // phases before it need no code, and their unused levels would be warnings in the user's build).
            int known = index;
            bool ignoresIncoming = false;
            while (known > 0 && chain.StartLevelOf(known) == null)
            {
                known--;
                if (!ReadsLevel(chain.Phases[known]))
                {
                    ignoresIncoming = true;
                    break;
                }
            }

            LevelCode level = !ignoresIncoming && chain.StartLevelOf(known) is double bound ? LevelCode.Constant(bound) : s;
            for (int i = known; i < index; i++)
            {
                ScheduleNode phase = chain.Phases[i];
                string name = topLevel ? "level" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Fresh("s");
                _w.Line("double " + name + "; // " + (topLevel ? "where phase " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ended" : "the level the phase before hands on"));
                Value(phase, CSharp.Long(phase.Duration!.Value), level, name);
                level = LevelCode.Variable(name);
            }

            return level;
        }

        private void Kernel(KernelNode kernel, string tau, LevelCode s, string target, bool withinLength)
        {
            switch (kernel)
            {
                case ConstantKernel constant:
                    _w.Line(target + " = " + (constant.Level is Written v ? CSharp.Double(v.Value) : s.Code) + ";");
                    break;
                case HoldKernel:
                    _w.Line(target + " = " + s.Code + ";");
                    break;
                case WarmupKernel warmup:
                    Warmup(warmup, tau, s, target, withinLength);
                    break;
                case StepKernel step:
                    _w.Line(target + " = " + ScalePower(s, step.Factor.Value, Math + ".Pow(" + D(step.Factor.Value) + ", " + tau + " / " + CSharp.Long(step.Every.AsLong) + ")") + ";");
                    break;
                case MultiStepKernel multistep:
                    var passed = new List<string>();
                    foreach (Written m in multistep.Milestones)
                    {
                        passed.Add("(" + tau + " >= " + CSharp.Long(m.AsLong) + " ? 1 : 0)");
                    }

                    _w.Line(target + " = " + ScalePower(s, multistep.Factor.Value, Math + ".Pow(" + D(multistep.Factor.Value) + ", " + string.Join(" + ", passed) + ")") + ";");
                    break;
                case ExpKernel exp:
                    string exponent = exp.Staircase ? tau + " / " + CSharp.Long(exp.Period) : "(double)" + tau + " / " + CSharp.Long(exp.Period);
                    _w.Line(target + " = " + ScalePower(s, exp.Factor.Value, Math + ".Pow(" + D(exp.Factor.Value) + ", " + exponent + ")") + ";");
                    break;
                case InverseTimeKernel inverse:
                    string p = inverse.Staircase ? "(double)(" + tau + " / " + CSharp.Long(inverse.Period) + ")" : "((double)" + tau + " / " + CSharp.Long(inverse.Period) + ")";
                    _w.Line(target + " = " + s.Code + " / (1 + " + D(inverse.Rate.Value) + " * " + p + ");");
                    break;
                case InverseSqrtKernel sqrt:
                    string k = D(sqrt.TimeScale);
                    _w.Line(target + " = " + s.Code + " * " + Math + ".Sqrt(" + k + " / (" + tau + " + " + k + "));");
                    break;
                case AnnealKernel anneal:
                    Anneal(anneal, tau, s, target, withinLength);
                    break;
                case RestartsKernel restarts:
                    Restarts(restarts, tau, s, target);
                    break;
                case CyclicKernel cyclic:
                    Cyclic(cyclic, tau, target);
                    break;
                case OneCycleKernel onecycle:
                    OneCycle(onecycle, tau, target, withinLength);
                    break;
                case PiecewiseKernel piecewise:
                    string value = D(piecewise.Values[piecewise.Values.Length - 1].Value);
                    for (int i = piecewise.Boundaries.Length - 1; i >= 0; i--)
                    {
                        value = tau + " < " + CSharp.Long(piecewise.Boundaries[i].AsLong) + " ? " + D(piecewise.Values[i].Value) + " : " + value;
                    }

                    _w.Line(target + " = " + value + ";");
                    break;
                case CustomKernel custom:
                    // The user's partial method, checked as the interpreter checks the function given to Schedule.Parse.
                    _w.Line(target + " = global::ScheduleDsl.Levels.CheckCustom(" + custom.Name + "(" + tau + ", " + s.Code + "), \"" + custom.Name + "\", " + tau + ");");
                    break;
                case PlateauKernel plateau:
                    _w.Line(target + " = " + _statePrefix + plateau.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".Current(" + s.Code + ");");
                    break;
                default:
                    throw new System.InvalidOperationException("The emitter has no code for kernel '" + KernelCatalog.Of(kernel).Keyword + "'");
            }
        }

        private void Warmup(WarmupKernel warmup, string tau, LevelCode s, string target, bool withinLength)
        {
            double? knownB = warmup.To is Written to ? to.Value : s.Known;
            double? knownA = s.Known is double known ? warmup.StartOf(known)
                : warmup.From is Written from ? from.Value
                : warmup.Shape != WarmupShape.Exponential ? 0.0
                : knownB / 100;

            string b = knownB is double kb ? D(kb) : s.Code;
            string a = knownA is double ka ? D(ka) : warmup.Shape == WarmupShape.Exponential ? "(" + b + " / 100)" : "0";
            string otherwise = Guard(tau, warmup.Length.AsLong, target, b, withinLength);
            switch (warmup.Shape)
            {
                case WarmupShape.Linear:
                    _w.Line(otherwise + target + " = " + Linear(a, b, knownA, knownB, tau, warmup.Length.AsLong) + ";");
                    break;
                case WarmupShape.Cosine:
                    _w.Line(otherwise + target + " = " + Curve(AnnealShape.Cosine, a, b, knownA, knownB, Fraction(tau, warmup.Length.AsLong), null) + ";");
                    break;
                case WarmupShape.Sqrt:
                    // a + (b−a)·(1−√(1−x)): the 1−sqrt cooldown from b, run backwards from 1−x.
                    _w.Line(otherwise + target + " = " + Curve(AnnealShape.Sqrt, b, a, knownB, knownA, "(1 - " + Fraction(tau, warmup.Length.AsLong) + ")", null) + ";");
                    break;
                case WarmupShape.Exponential:
                    string x = Fraction(tau, warmup.Length.AsLong);
                    if (knownA is double ea && knownB is double eb && Levels.IsPlainRatio(ea, eb))
                    {
                        _w.Line(otherwise + target + " = " + a + " == 0 ? 0 : " + Scale(a, Math + ".Pow(" + b + " / " + a + ", " + x + ")") + ";");
                    }
                    else
                    {
                        // The ratio of the two ends is not an ordinary number (or not known yet): the runtime works in log space.
                        _w.Line(otherwise + target + " = " + Helper + ".Geometric(" + a + ", " + b + ", " + x + ");");
                    }

                    break;
                default:
                    throw new System.InvalidOperationException("The emitter has no code for warmup shape " + warmup.Shape);
            }
        }

        private void Anneal(AnnealKernel anneal, string tau, LevelCode s, string target, bool withinLength)
        {
            if (anneal.Cycle)
            {
                PolyCycle(anneal, tau, s, target);
                return;
            }

            string e = D(anneal.End);
            string x = Fraction(tau, anneal.Length.AsLong);
            string otherwise = Guard(tau, anneal.Length.AsLong, target, e, withinLength);
            string formula = anneal.Shape switch
            {
                AnnealShape.Linear => Linear(s.Code, e, s.Known, anneal.End, tau, anneal.Length.AsLong),
                AnnealShape.Cosine when anneal.IsShapedCosine => Curve(
                    anneal.Shape, s.Code, e, s.Known, anneal.End, anneal.KDecay == null ? x : Math + ".Pow(" + x + ", " + D(anneal.KDecayExponent) + ")", anneal.Power == null ? null : D(anneal.Exponent)),
                _ => Curve(anneal.Shape, s.Code, e, s.Known, anneal.End, x, anneal.Shape == AnnealShape.Poly ? D(anneal.Exponent) : null),
            };
            _w.Line(otherwise + target + " = " + formula + ";");
        }

        /// <summary><c>poly N … cycle</c>: the polynomial over <c>N·max(1, ⌈τ/N⌉)</c>, open-ended (Keras <c>cycle=True</c>).</summary>
        private void PolyCycle(AnnealKernel anneal, string tau, LevelCode s, string target)
        {
            string cycles = Fresh("cycles");
            long n = anneal.Length.AsLong;
            _w.Line("long " + cycles + " = " + tau + " <= " + CSharp.Long(n) + " ? 1 : " + tau + " / " + CSharp.Long(n) + " + (" + tau + " % " + CSharp.Long(n) + " == 0 ? 0 : 1);");
            string x = "((double)" + tau + " / ((double)" + CSharp.Long(n) + " * " + cycles + "))";
            _w.Line(target + " = " + Curve(AnnealShape.Poly, s.Code, D(anneal.End), s.Known, anneal.End, x, D(anneal.Exponent)) + ";");
        }

        private static string Fraction(string tau, long length) => "((double)" + tau + " / " + CSharp.Long(length) + ")";

        /// <summary>
        /// A straight line from <paramref name="from"/> to <paramref name="to"/>, measured from the end it leaves when rising and
        /// from the end it approaches when falling (as <c>Levels.Linear</c> computes it), or a call to it when a level is not known.
        /// </summary>
        private static string Linear(string from, string to, double? knownFrom, double? knownTo, string tau, long length)
        {
            if (knownFrom is not double f || knownTo is not double e)
            {
                return Helper + ".Linear(" + from + ", " + to + ", " + tau + ", " + CSharp.Long(length) + ")";
            }

            return f <= e
                ? from + " + (" + to + " - " + from + ") * " + Fraction(tau, length)
                : to + " + (" + from + " - " + to + ") * ((double)(" + CSharp.Long(length) + " - " + tau + ") / " + CSharp.Long(length) + ")";
        }

        /// <summary>
        /// The curve of <c>Levels</c> for <paramref name="shape"/> (poly, cosine or tanh) from <paramref name="from"/> to <paramref name="to"/>
        /// at fraction <paramref name="x"/>: written inline in the orientation <c>Levels</c> picks when both levels are known, else a call to it.
        /// </summary>
        private static string Curve(AnnealShape shape, string from, string to, double? knownFrom, double? knownTo, string x, string? power)
        {
            if (knownFrom is not double f || knownTo is not double e)
            {
                // A level known only at run time: the same curve through the runtime's Levels (k-decay is already in x).
                return shape == AnnealShape.Cosine && power != null
                    ? Helper + ".CosinePower(" + from + ", " + to + ", " + x + ", " + power + ", 1)"
                    : Helper + "." + shape + "(" + from + ", " + to + ", " + x + (power != null ? ", " + power : string.Empty) + ")";
            }

            bool falling = f >= e;
            string low = falling ? to : from;
            string high = falling ? from : to;
            string cos = Math + ".Cos(" + Math + ".PI * " + x + ")";
            string tanh = Math + ".Tanh(-7 + 10 * " + x + ")";
            string sqrt = Math + ".Sqrt(" + x + ")";
            string cosineWeight = power == null ? "(1 + " + cos + ") / 2" : Math + ".Pow((1 + " + cos + ") / 2, " + power + ")";
            string weight = shape switch
            {
                AnnealShape.Cosine when power != null => falling ? cosineWeight : "(1 - " + cosineWeight + ")",
                AnnealShape.Cosine => falling ? "(1 + " + cos + ") / 2" : "(1 - " + cos + ") / 2",
                AnnealShape.Sqrt => falling ? "(1 - " + sqrt + ")" : sqrt,
                AnnealShape.Poly => falling ? Math + ".Pow(1 - " + x + ", " + power + ")" : "(1 - " + Math + ".Pow(1 - " + x + ", " + power + "))",
                AnnealShape.Tanh => falling ? "(1 - " + tanh + ") / 2" : "(1 + " + tanh + ") / 2",
                _ => throw new System.ArgumentOutOfRangeException(nameof(shape), shape, "Linear has its own form (Linear)."),
            };
            return low + " + (" + high + " - " + low + ") * " + weight;
        }

        private void Restarts(RestartsKernel restarts, string tau, LevelCode s, string target)
        {
            string cycle = Fresh("cycle");
            string position = Fresh("position");
            string length = Fresh("length");
            long first = restarts.Length.AsLong;
            if (!restarts.HasWholeMultiplier)
            {
                // Cycle i starts at N·(mⁱ−1)/(m−1): the runtime finds it from the computed boundaries, never off by one step.
                _w.Line(Helper + ".GeometricCycle(" + tau + ", " + CSharp.Long(first) + ", " + D(restarts.MultiplierValue) + ", out long " + cycle + ", out double " + position + ", out double " + length + ");");
            }
            else if (restarts.Multiplier == 1)
            {
                _w.Line("long " + cycle + " = " + tau + " / " + CSharp.Long(first) + ";");
                _w.Line("long " + position + " = " + tau + " % " + CSharp.Long(first) + ";");
                _w.Line("long " + length + " = " + CSharp.Long(first) + ";");
            }
            else
            {
                // Cycle i is first·m^i long; at most 63 iterations because the cycles at least double.
                string start = Fresh("start");
                string whole = Fresh("whole");
                string m = CSharp.Long(restarts.Multiplier);
                _w.Line("long " + start + " = 0, " + whole + " = " + CSharp.Long(first) + ", " + cycle + " = 0;");
                _w.Line("double " + length + " = " + whole + ";");
                _w.Open("while (" + tau + " - " + start + " >= " + whole + ")");
                _w.Line(start + " += " + whole + ";");
                _w.Line(cycle + "++;");
                _w.Open("if (" + whole + " > long.MaxValue / " + m + ")");
                _w.Line(length + " = (double)" + whole + " * " + m + "; // this cycle never ends: its length passes long.MaxValue");
                _w.Line("break;");
                _w.Close();
                _w.Line(whole + " *= " + m + ";");
                _w.Line(length + " = " + whole + ";");
                _w.Close();
                _w.Line("long " + position + " = " + tau + " - " + start + ";");
            }

            string e = D(restarts.End);
            if (restarts.Amplitude != null)
            {
                _w.Line(target + " = " + e + " + (" + s.Code + " - " + e + ") * " + Math + ".Pow(" + D(restarts.AmplitudeFactor) + ", " + cycle + ") * (1 + " + Math + ".Cos(" + Math + ".PI * " + position + " / " + length + ")) / 2;");
                return;
            }

            string peak = Fresh("peak");
            _w.Line("double " + peak + " = " + ScalePower(s, restarts.DecayFactor, Math + ".Pow(" + D(restarts.DecayFactor) + ", " + cycle + ")") + ";");
            _w.Line("if (" + peak + " < " + e + ") " + peak + " = " + e + ";");
            _w.Line(target + " = " + e + " + (" + peak + " - " + e + ") * (1 + " + Math + ".Cos(" + Math + ".PI * " + position + " / " + length + ")) / 2;");
        }

        private void Cyclic(CyclicKernel cyclic, string tau, string target)
        {
            long up = cyclic.UpLength;
            long period = up + cyclic.DownLength;
            string position = Fresh("position");
            string rise = Fresh("rise");
            string height = Fresh("height");
            _w.Line("long " + position + " = " + tau + " % " + CSharp.Long(period) + ";");
            _w.Line("double " + rise + " = " + position + " <= " + CSharp.Long(up) + " ? (double)" + position + " / " + CSharp.Long(up)
                + " : (double)(" + CSharp.Long(period) + " - " + position + ") / " + CSharp.Long(cyclic.DownLength) + ";");
            string lo = D(cyclic.Low.Value);
            _w.Line("double " + height + " = (" + D(cyclic.High.Value) + " - " + lo + ") * " + rise + ";");
            switch (cyclic.Mode)
            {
                case CyclicMode.Triangular:
                    _w.Line(target + " = " + lo + " + " + height + ";");
                    break;
                case CyclicMode.Triangular2:
                    _w.Line(target + " = " + lo + " + " + height + " * (1 / " + Math + ".Pow(2, " + tau + " / " + CSharp.Long(period) + "));");
                    break;
                default:
                    double gamma = cyclic.Gamma!.Value.Value;
                    string grow = Math + ".Pow(" + D(gamma) + ", " + tau + ")";
                    _w.Line(target + " = " + lo + " + " + (gamma <= 1 ? height + " * " + grow : Scale(height, grow)) + ";");
                    break;
            }
        }

        private void OneCycle(OneCycleKernel onecycle, string tau, string target, bool withinLength)
        {
            string x = Fresh("step");
            double initial = onecycle.Initial;
            double peak = onecycle.Peak.Value;
            string minimum = D(onecycle.Minimum);
            string firstEnd = D(onecycle.FirstEnd);
            string lastEnd = D(onecycle.LastEnd);
            _w.Open(Guard(tau, onecycle.Length.AsLong, target, minimum, withinLength).TrimEnd());
            _w.Line("double " + x + " = " + tau + ";");
            _w.Line("if (" + x + " <= " + firstEnd + ") " + target + " = " + Anneal(onecycle.IsLinear, initial, peak, x + " / " + firstEnd) + ";");
            if (!onecycle.IsThreePhase)
            {
                _w.Line("else " + target + " = " + Anneal(onecycle.IsLinear, peak, onecycle.Minimum, "(" + x + " - " + firstEnd + ") / (" + lastEnd + " - " + firstEnd + ")") + ";");
            }
            else
            {
                string secondEnd = D(onecycle.SecondEnd);
                _w.Line("else if (" + x + " <= " + secondEnd + ") " + target + " = " + Anneal(onecycle.IsLinear, peak, initial, "(" + x + " - " + firstEnd + ") / (" + secondEnd + " - " + firstEnd + ")") + ";");
                _w.Line("else " + target + " = " + Anneal(onecycle.IsLinear, initial, onecycle.Minimum, "(" + x + " - " + secondEnd + ") / (" + lastEnd + " - " + secondEnd + ")") + ";");
            }

            _w.Close();
        }

        /// <summary>
        /// Writes the end-level branch of a bounded kernel, unless the caller already knows <paramref name="tau"/> is inside it;
        /// returns the prefix (<c>"else "</c> or nothing) for the statement that follows.
        /// </summary>
        private string Guard(string tau, long length, string target, string endLevel, bool withinLength)
        {
            if (withinLength)
            {
                return string.Empty;
            }

            _w.Line("if (" + tau + " >= " + CSharp.Long(length) + ") " + target + " = " + endLevel + ";");
            return "else ";
        }

        private static string Anneal(bool linear, double from, double to, string pct)
        {
            string f = D(from);
            string e = D(to);
            if (linear)
            {
                return "(" + e + " - " + f + ") * (" + pct + ") + " + f;
            }

            string cos = Math + ".Cos(" + Math + ".PI * (" + pct + "))";
            return from >= to ? e + " + (" + f + " - " + e + ") / 2 * (" + cos + " + 1)" : f + " + (" + e + " - " + f + ") / 2 * (1 - " + cos + ")";
        }

        /// <summary>Writes the statements that hand a metric observed at <paramref name="tau"/> to the plateau phases active then.</summary>
        public void Observe(ScheduleNode node, string tau, LevelCode s)
        {
            if (!node.IsStateful)
            {
                return;
            }

            switch (node)
            {
                case ChainNode chain:
                    long start = 0;
                    for (int i = 0; i < chain.Phases.Length; i++)
                    {
                        ScheduleNode phase = chain.Phases[i];
                        long? end = phase.Duration is long d ? start + d : (long?)null;
                        if (phase.IsStateful)
                        {
                            string condition = (start > 0 ? tau + " >= " + CSharp.Long(start) : string.Empty)
                                + (start > 0 && end != null ? " && " : string.Empty)
                                + (end is long e ? tau + " < " + CSharp.Long(e) : string.Empty);
                            _w.Line("// " + CanonicalWriter.Write(phase));
                            _w.Open(condition.Length > 0 ? "if (" + condition + ")" : string.Empty);
                            string local = tau;
                            if (start > 0)
                            {
                                local = Fresh("tau");
                                _w.Line("long " + local + " = " + tau + " - " + CSharp.Long(start) + ";");
                            }

                            Observe(phase, local, Incoming(chain, i, s));
                            _w.Close();
                        }

                        start = end ?? start;
                    }

                    break;
                case ProductNode product:
                    foreach (ScheduleNode operand in product.Operands)
                    {
                        if (!operand.IsStateful)
                        {
                            continue;
                        }

                        if (operand.Duration is long d)
                        {
                            _w.Open("if (" + tau + " < " + CSharp.Long(d) + ")");
                            Observe(operand, tau, LevelCode.Constant(1.0));
                            _w.Close();
                        }
                        else
                        {
                            Observe(operand, tau, LevelCode.Constant(1.0));
                        }
                    }

                    break;
                case CutNode cut:
                    _w.Open("if (" + tau + " < " + CSharp.Long(cut.Length) + ")");
                    Observe(cut.Inner, tau, s);
                    _w.Close();
                    break;
                case PlateauKernel plateau:
                    _w.Line(_statePrefix + plateau.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".Observe(metric, " + s.Code + ", "
                        + D(plateau.Factor.Value) + ", " + plateau.PatienceCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", "
                        + plateau.CooldownCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + D(plateau.RelativeThreshold) + ", "
                        + (plateau.IsMaximizing ? "true" : "false") + ", " + D(plateau.FloorLevel) + (plateau.IsAbsoluteThreshold ? ", absoluteThreshold: true" : string.Empty) + ");");
                    break;
            }
        }

        private static string D(double value) => CSharp.Double(value);
    }
}
