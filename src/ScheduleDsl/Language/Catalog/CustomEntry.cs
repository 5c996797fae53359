using System;
using System.Text.RegularExpressions;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary><c>custom NAME</c>: the user's function of local time and incoming level (LambdaLR inside a composition).</summary>
    internal sealed class CustomEntry : KernelEntry<CustomKernel>
    {
        /// <summary>
        /// Names a function cannot take: the members a generated schedule type has (the partial method would collide with
        /// them), and the generator's helper.
        /// </summary>
        public static readonly string[] ReservedNames =
        {
            "ScheduleText", "Unit", "IsAbsolute", "At", "Momentum", "WeightDecay", "Schedules", "IsAbsoluteFor", "ToString", "Instance", "Observations",
            "Observe", "GetState", "SetState", "Reset", "MultiplyLevels", "Equals", "GetHashCode", "GetType",
        };

        private static readonly Regex NameShape = new Regex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);

        public CustomEntry()
            : base(KernelKind.Custom, "custom", new ClauseSpec[0], new AttributeForm("CustomAttribute", AttributeArgument.Word(0)))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Token name = parser.Current;
            if (name.Kind != TokenKind.Word)
            {
                parser.ReportUnexpected(name, "the name of the function after 'custom' (letters and digits, such as 'myDecay')");
                parser.SkipToPhaseEnd();
                return null;
            }

            parser.Advance();
            string? problem = !NameShape.IsMatch(name.Text) ? "is not a function name: use letters and digits only (no hyphens), starting with a letter"
                : Keywords.IsKeyword(name.Text) ? "is a word of the schedule language; give the function a name of its own"
                : Array.IndexOf(ReservedNames, name.Text) >= 0 ? "is a member every generated schedule has; give the function another name"
                : null;
            if (problem != null)
            {
                parser.Report(DiagnosticIds.Syntax, "'" + name.Text + "' " + problem, name);
                parser.SkipToPhaseEnd();
                return null;
            }

            parser.ParseClauses(keyword, Clauses, out bool failed);
            if (failed)
            {
                return null;
            }

            Func<long, double, double>? function = null;
            if (parser.Functions != null && !parser.Functions.TryGetValue(name.Text, out function))
            {
                parser.Report(
                    DiagnosticIds.CustomNotGiven,
                    "No function named '" + name.Text + "' was given; pass it to Schedule.Parse(text, functions) by that name"
                        + (parser.Functions.Count == 0 ? string.Empty : " (given: " + string.Join(", ", Sorted(parser.Functions.Keys)) + ")"),
                    name);
                return null;
            }

            return new CustomKernel(name.Text, Parser.Span(name), function, Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        private static string[] Sorted(System.Collections.Generic.IEnumerable<string> names)
        {
            var list = new System.Collections.Generic.List<string>(names);
            list.Sort(StringComparer.Ordinal);
            return list.ToArray();
        }

        protected override string Write(CustomKernel kernel, CanonicalParts parts) => parts.Add(kernel.Name).ToString();

        protected override string Explain(CustomKernel kernel, SentenceWords words) =>
            "follow the user's function " + kernel.Name + "(τ, level) of the phase's local time τ and its incoming level, " + words.Level;
    }
}
