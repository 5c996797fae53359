using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    internal enum ClauseKind
    {
        Number,
        Integer,
        Flag,
        IntegerList,
        Choice,
        /// <summary><c>keyword [lo to hi]</c>: a flag that may give two levels.</summary>
        OptionalRange,
    }

    /// <summary>One optional (or required) clause a kernel accepts after its positional arguments, such as <c>every k</c>.</summary>
    internal sealed class ClauseSpec
    {
        public ClauseSpec(string keyword, ClauseKind kind, string meaning, bool required = false, int minimum = 1, string[]? choices = null, bool inEpochs = true)
        {
            InEpochs = inEpochs;
            Keyword = keyword;
            Kind = kind;
            Meaning = meaning;
            Required = required;
            Minimum = minimum;
            Choices = choices;
        }

        public string Keyword { get; }

        public ClauseKind Kind { get; }

        /// <summary>What the value means, for messages: "the period".</summary>
        public string Meaning { get; }

        public bool Required { get; }

        /// <summary>The least whole number an <see cref="ClauseKind.Integer"/> or list clause accepts.</summary>
        public int Minimum { get; }

        public string[]? Choices { get; }

        /// <summary>Whether a whole number here may be written <c>K epochs</c> (every length; not <c>patience</c> or <c>cooldown</c>, which count observations).</summary>
        public bool InEpochs { get; }

        /// <summary>How the clause is shown in "expected" messages: <c>'every k'</c>.</summary>
        public string Usage => Kind switch
        {
            ClauseKind.Flag => "'" + Keyword + "'",
            ClauseKind.Choice => "'" + Keyword + " " + string.Join("|", Choices!) + "'",
            ClauseKind.IntegerList => "'" + Keyword + " m1, m2, …'",
            ClauseKind.OptionalRange => "'" + Keyword + " [lo to hi]'",
            _ => "'" + Keyword + " " + Meaning + "'",
        };
    }

    /// <summary>The clauses found after one kernel.</summary>
    internal sealed class FoundClauses
    {
        public Dictionary<string, Written> Values { get; } = new Dictionary<string, Written>();

        public Dictionary<string, TextSpan> Flags { get; } = new Dictionary<string, TextSpan>();

        public Dictionary<string, Written[]> Lists { get; } = new Dictionary<string, Written[]>();

        public Dictionary<string, string> Choices { get; } = new Dictionary<string, string>();

        public Dictionary<string, FoundRange> Ranges { get; } = new Dictionary<string, FoundRange>();

        public HashSet<string> Seen { get; } = new HashSet<string>();

        public Written? Value(string keyword) => Values.TryGetValue(keyword, out Written w) ? w : (Written?)null;

        public bool Flag(string keyword) => Flags.ContainsKey(keyword);

        public FoundRange? Range(string keyword) => Ranges.TryGetValue(keyword, out FoundRange r) ? r : (FoundRange?)null;
    }

    /// <summary>An <see cref="ClauseKind.OptionalRange"/> clause as found: its levels when written, and its whole span.</summary>
    internal readonly struct FoundRange
    {
        public FoundRange(Written? low, Written? high, TextSpan span)
        {
            Low = low;
            High = high;
            Span = span;
        }

        public Written? Low { get; }

        public Written? High { get; }

        public TextSpan Span { get; }
    }
}
