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
                    case "StepsPerEpoch":
                        header.Add("steps-per-epoch " + Number(named.Value));
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
            var named = new Dictionary<string, TypedConstant>();
            foreach (KeyValuePair<string, TypedConstant> pair in attribute.NamedArguments)
            {
                named[pair.Key] = pair.Value;
            }

            string name = attribute.AttributeClass?.Name ?? "?";
            KernelEntry? entry = KernelCatalog.FindAttribute(name);
            string phase = entry == null ? name : Kernel(entry, attribute, named, declaration);
            bool skips = named.TryGetValue("Skip", out TypedConstant skip);
            bool cuts = named.TryGetValue("For", out TypedConstant length);
            if (skips || cuts)
            {
                phase = "(" + phase + ")" + (skips ? " skip " + Number(skip) : string.Empty) + (cuts ? " for " + Number(length) : string.Empty);
            }

            return phase;
        }

        /// <summary>The kernel's text from its attribute, argument by argument as its catalog entry's attribute form says.</summary>
        private static string Kernel(KernelEntry entry, AttributeData attribute, Dictionary<string, TypedConstant> named, ScheduleDeclaration declaration)
        {
            // An attribute still being typed may lack its constructor arguments: a missing one is written as '?', which the
            // parser reports, rather than read past the end.
            var given = attribute.ConstructorArguments;
            var parts = new List<string> { entry.Keyword };
            foreach (AttributeArgument argument in entry.Attribute.Arguments)
            {
                TypedConstant value = default;
                bool present = argument.Position >= 0 ? argument.Position < given.Length : named.TryGetValue(argument.Property!, out value);
                if (argument.Position >= 0 && present)
                {
                    value = given[argument.Position];
                }

                string? text = argument.Kind switch
                {
                    AttributeArgumentKind.Number => present || argument.Position >= 0 ? Number(value) : null,
                    AttributeArgumentKind.OptionalNumber => present ? Number(value) : null,
                    AttributeArgumentKind.NumberList => List(value),
                    AttributeArgumentKind.Flag => present && value.Value is true ? string.Empty : null,
                    AttributeArgumentKind.Enum => present || argument.Position >= 0 ? Choice(argument, value, named, attribute, declaration) : null,
                    AttributeArgumentKind.Word => present ? Word(value) : "?",
                    AttributeArgumentKind.Momentum => Momentum(present && value.Value is true, named),
                    AttributeArgumentKind.Piecewise => Piecewise(given.Length > 0 ? given[0] : default, given.Length > 1 ? given[1] : default),
                    _ => throw new System.InvalidOperationException("No attribute reading for argument kind " + argument.Kind),
                };
                if (text != null)
                {
                    parts.Add(argument.Prefix.Length == 0 ? text : text.Length == 0 ? argument.Prefix : argument.Prefix + " " + text);
                }
            }

            return string.Join(" ", parts);
        }

        /// <summary>The word of an enum value; a word may name another property, <c>{Gamma|1}</c>, written as its number (or the default).</summary>
        private static string Choice(AttributeArgument argument, TypedConstant value, Dictionary<string, TypedConstant> named, AttributeData attribute, ScheduleDeclaration declaration)
        {
            string[] words = argument.Words!;
            int index = Defined(value, argument.EnumName!, words.Length, attribute, declaration);
            string word = words[index >= 0 && index < words.Length ? index : 0];
            int open = word.IndexOf('{');
            if (open < 0)
            {
                return word;
            }

            int bar = word.IndexOf('|', open);
            int close = word.IndexOf('}', bar);
            string property = word.Substring(open + 1, bar - open - 1);
            string fallback = word.Substring(bar + 1, close - bar - 1);
            string number = named.TryGetValue(property, out TypedConstant other) ? Number(other) : fallback;
            return word.Substring(0, open) + number + word.Substring(close + 1);
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

        /// <summary>
        /// The momentum option: nothing when none of its properties is set, <c>momentum</c> for <c>CycleMomentum = true</c> alone,
        /// <c>momentum lo to hi</c> with both levels (one level alone is written as <c>?</c> for the other, which the parser reports).
        /// </summary>
        private static string? Momentum(bool cycle, Dictionary<string, TypedConstant> named)
        {
            bool hasLow = named.TryGetValue("MomentumLow", out TypedConstant low);
            bool hasHigh = named.TryGetValue("MomentumHigh", out TypedConstant high);
            if (!hasLow && !hasHigh)
            {
                return cycle ? string.Empty : null;
            }

            return (hasLow ? Number(low) : "?") + " to " + (hasHigh ? Number(high) : "?");
        }

        /// <summary>
        /// A name argument as the text's word; anything else (null, spaces, ';', a second kernel) is written as '?' so the parser
        /// reports it on the attribute instead of reading text smuggled in through a string.
        /// </summary>
        private static string Word(TypedConstant constant)
        {
            if (constant.Value is string name && name.Length > 0 && char.IsLetter(name[0]) && name[0] < 128)
            {
                foreach (char c in name)
                {
                    if (c >= 128 || !char.IsLetterOrDigit(c))
                    {
                        return "?";
                    }
                }

                return name;
            }

            return "?";
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
