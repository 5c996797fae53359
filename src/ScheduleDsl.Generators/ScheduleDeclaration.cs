using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ScheduleDsl.Generators
{
    /// <summary>Where a piece of the schedule text came from: an attribute, and the range of the text it wrote.</summary>
    internal sealed class TextSegment
    {
        public TextSegment(AttributeData attribute, int start, int end)
        {
            Attribute = attribute;
            Start = start;
            End = end;
        }

        public AttributeData Attribute { get; }

        public int Start { get; }

        public int End { get; }
    }

    /// <summary>A problem with the declaration itself (LRS0100–LRS0103), with where to report it.</summary>
    internal sealed class DeclarationProblem
    {
        public DeclarationProblem(DiagnosticDescriptor descriptor, Location location, params object[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Location Location { get; }

        public object[] Arguments { get; }
    }

    /// <summary>
    /// What the generator and the analyzer both read from a <c>[Schedule]</c> type: its schedule text (from the text form,
    /// or written from the attribute form), where each part of that text came from, and any declaration problem.
    /// </summary>
    internal sealed class ScheduleDeclaration
    {
        public ScheduleDeclaration(AttributeData scheduleAttribute)
        {
            ScheduleAttribute = scheduleAttribute;
        }

        public AttributeData ScheduleAttribute { get; }

        /// <summary>The schedule text, or null when there is none to check (not a constant, or mixed forms).</summary>
        public string? Text { get; set; }

        /// <summary>True for <c>[Schedule("…")]</c>: diagnostics map into the string literal.</summary>
        public bool IsTextForm { get; set; }

        /// <summary>For the attribute form: which attribute wrote which part of <see cref="Text"/>.</summary>
        public List<TextSegment> Segments { get; } = new List<TextSegment>();

        public List<DeclarationProblem> Problems { get; } = new List<DeclarationProblem>();

        /// <summary>Problems that stop the generator from adding to the type at all (it would only add errors).</summary>
        public bool BlocksGeneration { get; set; }

        /// <summary>The parse of <see cref="Text"/>, once the declaration rules allow one, so the analyzer does not parse again.</summary>
        public Language.ParseResult? Parsed { get; set; }
    }
}
