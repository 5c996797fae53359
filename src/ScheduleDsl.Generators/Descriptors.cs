using Microsoft.CodeAnalysis;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators
{
    /// <summary>Every diagnostic the analyzer reports: the language's LRS0001–LRS0010 and the declaration rules LRS0100–LRS0107.</summary>
    internal static class Descriptors
    {
        public const string Category = "ScheduleDsl";
        public const string HelpBase = "https://github.com/scheduledsl/scheduledsl/blob/main/docs/diagnostics.md#";

        public static readonly DiagnosticDescriptor Syntax = Language(DiagnosticIds.Syntax, "Syntax error in a schedule");
        public static readonly DiagnosticDescriptor UnknownWord = Language(DiagnosticIds.UnknownWord, "Unknown word in a schedule");
        public static readonly DiagnosticDescriptor BadNumber = Language(DiagnosticIds.BadNumber, "Malformed number in a schedule");
        public static readonly DiagnosticDescriptor OutOfRange = Language(DiagnosticIds.OutOfRange, "Schedule parameter out of range");
        public static readonly DiagnosticDescriptor Unreachable = Language(DiagnosticIds.Unreachable, "Unreachable phase");
        public static readonly DiagnosticDescriptor NotIncreasing = Language(DiagnosticIds.NotIncreasing, "Milestones or boundaries not strictly increasing");
        public static readonly DiagnosticDescriptor Unbounded = Language(DiagnosticIds.Unbounded, "Open-ended phase grows without bound");
        public static readonly DiagnosticDescriptor SuspiciousLevel = Language(DiagnosticIds.SuspiciousLevel, "Suspicious learning rate");
        public static readonly DiagnosticDescriptor WarmupFromZero = Language(DiagnosticIds.WarmupFromZero, "Warmup starts at exactly 0");
        public static readonly DiagnosticDescriptor ForCutsPhase = Language(DiagnosticIds.ForCutsPhase, "for N cuts a phase before its end");

        public static readonly DiagnosticDescriptor NotPartial = Declaration(
            "LRS0100", "Schedule type is not partial", "'{0}' must be partial (and so must every type containing it) for the schedule to be generated{1}");

        public static readonly DiagnosticDescriptor Generic = Declaration(
            "LRS0101", "Schedule type is generic", "'{0}' cannot carry a schedule because it is generic or nested in a generic type");

        public static readonly DiagnosticDescriptor NotConstant = Declaration(
            "LRS0102", "Schedule text is not a constant string", "The schedule text must be a compile-time constant string; {0}");

        public static readonly DiagnosticDescriptor MixedForms = Declaration(
            "LRS0103", "Schedule forms mixed or split", "{0}");

        public static readonly DiagnosticDescriptor RefStruct = Declaration(
            "LRS0104", "Schedule type is a ref struct", "'{0}' is a ref struct, which cannot implement ILearningRateSchedule; make it a plain struct or a class");

        public static readonly DiagnosticDescriptor MemberConflict = Declaration(
            "LRS0105", "Member conflicts with the generated schedule", "'{0}' already has a member '{1}' that the schedule needs as '{2}'; give it that signature or rename it");

        public static readonly DiagnosticDescriptor UndefinedEnumValue = Declaration(
            "LRS0106", "Undefined enum value in a phase attribute", "{0} is not a defined value of {1}; use one of its named members");

        public static readonly DiagnosticDescriptor TooLarge = Declaration(
            "LRS0107", "Schedule too large to generate", "This schedule holds {0} kernels; the generator compiles at most {1} into C# (Schedule.Parse takes larger ones)");

        public static readonly DiagnosticDescriptor[] All =
        {
            Syntax, UnknownWord, BadNumber, OutOfRange, Unreachable, NotIncreasing, Unbounded, SuspiciousLevel, WarmupFromZero, ForCutsPhase,
            NotPartial, Generic, NotConstant, MixedForms, RefStruct, MemberConflict, UndefinedEnumValue, TooLarge,
        };

        public static DiagnosticDescriptor ForLanguageId(string id)
        {
            foreach (DiagnosticDescriptor descriptor in All)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            // A language ID without a descriptor is a bug in this assembly, not something to report as a syntax error.
            throw new System.ArgumentOutOfRangeException(nameof(id), id, "No descriptor for this diagnostic ID.");
        }

        private static DiagnosticDescriptor Language(string id, string title)
        {
            ScheduleDiagnosticSeverity severity = DiagnosticIds.SeverityOf(id);
            DiagnosticSeverity roslyn = severity == ScheduleDiagnosticSeverity.Error ? DiagnosticSeverity.Error : severity == ScheduleDiagnosticSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
            return new DiagnosticDescriptor(id, title, "{0}", Category, roslyn, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
        }

        private static DiagnosticDescriptor Declaration(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
    }
}
