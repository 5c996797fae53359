using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// Writes the attribute form — <c>[Schedule(Lr = 1e-2), Warmup(WarmupShape.Linear, 5), StepDecay(0.8, Every = 2)]</c> —
    /// as schedule text, recording which attribute wrote which part, so the one parser checks both forms alike.
    /// </summary>
    internal static class AttributeFormWriter
    {
        public static void Write(AttributeData schedule, List<AttributeData> phases, ScheduleDeclaration declaration)
        {
            var text = new StringBuilder();
            var header = new List<string>();
            foreach (KeyValuePair<string, TypedConstant> named in schedule.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Lr":
                        header.Add("lr " + Number(named.Value));
                        break;
                    case "Per":
                        header.Add(Defined(named.Value, "ScheduleUnit", 2, schedule, declaration) == 1 ? "per step" : "per epoch");
                        break;
                    case "Min":
                        header.Add("min " + Number(named.Value));
                        break;
                }
            }

            if (header.Count > 0)
            {
                text.Append(string.Join(" ", header)).Append(": ");
                declaration.Segments.Add(new TextSegment(schedule, 0, text.Length - 2));
            }

            for (int i = 0; i < phases.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(" -> ");
                }

                int start = text.Length;
                text.Append(Phase(phases[i], declaration));
                declaration.Segments.Add(new TextSegment(phases[i], start, text.Length));
            }

            declaration.Text = text.ToString();
        }

        private static string Phase(AttributeData attribute, ScheduleDeclaration declaration)
        {
            // An attribute still being typed may lack its constructor arguments: a missing one is written as '?', which the
            // parser reports, rather than read past the end.
            var given = attribute.ConstructorArguments;
            var args = new TypedConstant[4];
            for (int a = 0; a < args.Length && a < given.Length; a++)
            {
                args[a] = given[a];
            }

            var named = new Dictionary<string, TypedConstant>();
            foreach (KeyValuePair<string, TypedConstant> pair in attribute.NamedArguments)
            {
                named[pair.Key] = pair.Value;
            }

            var parts = new List<string>();
            switch (attribute.AttributeClass?.Name)
            {
                case "ConstantAttribute":
                    parts.Add("constant");
                    if (given.Length == 1)
                    {
                        parts.Add(Number(args[0]));
                    }

                    break;
                case "HoldAttribute":
                    parts.Add("hold " + Number(args[0]));
                    break;
                case "WarmupAttribute":
                    int shape = Defined(args[0], "WarmupShape", 3, attribute, declaration);
                    parts.Add("warmup " + (shape == 0 ? "linear" : shape == 1 ? "cosine" : "exp") + " " + Number(args[1]));
                    Optional(parts, named, "From", "from");
                    Optional(parts, named, "To", "to");
                    break;
                case "StepDecayAttribute":
                    parts.Add("step " + Number(args[0]));
                    Optional(parts, named, "Every", "every");
                    break;
                case "MultiStepDecayAttribute":
                    parts.Add("multistep " + Number(args[0]) + " at " + List(args[1]));
                    break;
                case "ExponentialDecayAttribute":
                case "InverseTimeDecayAttribute":
                    parts.Add((attribute.AttributeClass.Name == "ExponentialDecayAttribute" ? "exp " : "inverse-time ") + Number(args[0]));
                    Optional(parts, named, "Every", "every");
                    Flag(parts, named, "Staircase", "staircase");
                    break;
                case "InverseSqrtDecayAttribute":
                    parts.Add("inverse-sqrt");
                    Optional(parts, named, "Scale", "scale");
                    break;
                case "LinearDecayAttribute":
                    parts.Add("linear " + Number(args[0]) + " to " + Number(args[1]));
                    break;
                case "PolynomialDecayAttribute":
                    parts.Add("poly " + Number(args[0]));
                    Optional(parts, named, "Power", "power");
                    Optional(parts, named, "To", "to");
                    break;
                case "CosineDecayAttribute":
                case "TanhDecayAttribute":
                    parts.Add((attribute.AttributeClass.Name == "CosineDecayAttribute" ? "cosine " : "tanh ") + Number(args[0]));
                    Optional(parts, named, "To", "to");
                    break;
                case "CosineRestartsAttribute":
                    parts.Add("restarts " + Number(args[0]));
                    Optional(parts, named, "Mult", "mult");
                    Optional(parts, named, "Decay", "decay");
                    Optional(parts, named, "To", "to");
                    break;
                case "CyclicAttribute":
                    parts.Add("cyclic");
                    if (named.TryGetValue("Mode", out TypedConstant mode))
                    {
                        int m = Defined(mode, "CyclicMode", 3, attribute, declaration);
                        parts.Add(m == 0 ? "triangular" : m == 1 ? "triangular2" : "exp-range " + (named.TryGetValue("Gamma", out TypedConstant g) ? Number(g) : "1"));
                    }

                    parts.Add(Number(args[0]) + " to " + Number(args[1]) + " up " + Number(args[2]));
                    Optional(parts, named, "Down", "down");
                    break;
                case "OneCycleAttribute":
                    parts.Add("onecycle " + Number(args[0]) + " over " + Number(args[1]));
                    Optional(parts, named, "Warm", "warm");
                    Optional(parts, named, "Div", "div");
                    Optional(parts, named, "FinalDiv", "final-div");
                    Flag(parts, named, "Linear", "linear");
                    Flag(parts, named, "ThreePhase", "three-phase");
                    break;
                case "PiecewiseAttribute":
                    parts.Add("piecewise " + Piecewise(args[0], args[1]));
                    break;
                case "PlateauAttribute":
                    parts.Add("plateau factor " + Number(args[0]) + " patience " + Number(args[1]));
                    Optional(parts, named, "Cooldown", "cooldown");
                    Optional(parts, named, "Threshold", "threshold");
                    if (named.TryGetValue("Mode", out TypedConstant plateauMode))
                    {
                        parts.Add(Defined(plateauMode, "PlateauMode", 2, attribute, declaration) == 1 ? "mode max" : "mode min");
                    }

                    Optional(parts, named, "Floor", "floor");
                    break;
                default:
                    parts.Add(attribute.AttributeClass?.Name ?? "?");
                    break;
            }

            string phase = string.Join(" ", parts);
            if (named.TryGetValue("For", out TypedConstant length))
            {
                phase = "(" + phase + ") for " + Number(length);
            }

            return phase;
        }

        private static void Optional(List<string> parts, Dictionary<string, TypedConstant> named, string property, string keyword)
        {
            if (named.TryGetValue(property, out TypedConstant value))
            {
                parts.Add(keyword + " " + Number(value));
            }
        }

        private static void Flag(List<string> parts, Dictionary<string, TypedConstant> named, string property, string keyword)
        {
            if (named.TryGetValue(property, out TypedConstant value) && value.Value is true)
            {
                parts.Add(keyword);
            }
        }

        /// <summary>A number as the language reads it; a value the language rejects (negative, NaN) is written so the parser says why.</summary>
        private static string Number(TypedConstant constant)
        {
            if (constant.Kind == TypedConstantKind.Error || constant.Kind == TypedConstantKind.Array)
            {
                return "?";
            }

            switch (constant.Value)
            {
                case double d:
                    return double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? "1e999" : d < 0 ? "-" + NumberText.Format(-d) : NumberText.Format(d);
                case int i:
                    return i.ToString(CultureInfo.InvariantCulture);
                default:
                    return "?";
            }
        }

        /// <summary>
        /// The value of an enum argument; one outside the enum's <paramref name="count"/> defined values (<c>(WarmupShape)99</c>) is
        /// reported on the attribute (LRS0106) instead of being read as some other value.
        /// </summary>
        private static int Defined(TypedConstant constant, string enumName, int count, AttributeData attribute, ScheduleDeclaration declaration)
        {
            if (constant.Kind != TypedConstantKind.Enum || constant.Value is not int value)
            {
                return 0;
            }

            if (value < 0 || value >= count)
            {
                Location location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
                declaration.Problems.Add(new DeclarationProblem(Descriptors.UndefinedEnumValue, location, value.ToString(CultureInfo.InvariantCulture), enumName));
                declaration.BlocksGeneration = true;
            }

            return value;
        }

        private static string List(TypedConstant array)
        {
            var items = new List<string>();
            if (array.Kind == TypedConstantKind.Array && !array.IsNull)
            {
                foreach (TypedConstant item in array.Values)
                {
                    items.Add(Number(item));
                }
            }

            return string.Join(", ", items);
        }

        private static string Piecewise(TypedConstant values, TypedConstant boundaries)
        {
            var v = new List<string>();
            var b = new List<string>();
            if (values.Kind == TypedConstantKind.Array && !values.IsNull)
            {
                foreach (TypedConstant item in values.Values)
                {
                    v.Add(Number(item));
                }
            }

            if (boundaries.Kind == TypedConstantKind.Array && !boundaries.IsNull)
            {
                foreach (TypedConstant item in boundaries.Values)
                {
                    b.Add(Number(item));
                }
            }

            var parts = new List<string>();
            for (int i = 0; i < v.Count; i++)
            {
                parts.Add(i < b.Count ? v[i] + " until " + b[i] + (i + 1 < v.Count ? "," : string.Empty) : v[i]);
            }

            return string.Join(" ", parts);
        }
    }
}
