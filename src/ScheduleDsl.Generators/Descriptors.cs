using Microsoft.CodeAnalysis;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators
{
    /// <summary>Every diagnostic the analyzer reports: the language's LRS0001–LRS0010 and the declaration rules LRS0100–LRS0107.</summary>
    internal static class Descriptors
    {
        public const string Category = "ScheduleDsl";
        public const string HelpBase = "https://github.com/scheduledsl/scheduledsl/blob/main/docs/diagnostics.md#";

        public static readonly DiagnosticDescriptor Syntax = Language(DiagnosticIds.Syntax, "Syntax error in a schedule", "The schedule text does not follow the grammar: a token is missing, out of place or not a symbol of the language.");
        public static readonly DiagnosticDescriptor UnknownWord = Language(DiagnosticIds.UnknownWord, "Unknown word in a schedule", "A word is not a keyword of the schedule language; the message suggests the nearest one.");
        public static readonly DiagnosticDescriptor BadNumber = Language(DiagnosticIds.BadNumber, "Malformed number in a schedule", "A number is malformed, or too large for the place it is written in.");
        public static readonly DiagnosticDescriptor OutOfRange = Language(DiagnosticIds.OutOfRange, "Schedule parameter out of range", "A value is outside the range its kernel accepts (a factor of 0, a fraction of 1, a length below 1 …).");
        public static readonly DiagnosticDescriptor Unreachable = Language(DiagnosticIds.Unreachable, "Unreachable phase", "A phase follows an open-ended phase and can never start.");
        public static readonly DiagnosticDescriptor NotIncreasing = Language(DiagnosticIds.NotIncreasing, "Milestones or boundaries not strictly increasing", "Milestones or piecewise boundaries must be strictly increasing.");
        public static readonly DiagnosticDescriptor Unbounded = Language(DiagnosticIds.Unbounded, "Open-ended phase grows without bound", "An open-ended phase grows without bound, so the rate would overflow.");
        public static readonly DiagnosticDescriptor SuspiciousLevel = Language(DiagnosticIds.SuspiciousLevel, "Suspicious learning rate", "A level is outside what learning rates usually are (above 1), or a warmup ends below its start.");
        public static readonly DiagnosticDescriptor WarmupFromZero = Language(DiagnosticIds.WarmupFromZero, "Warmup starts at exactly 0", "A warmup that starts at exactly 0 does not train in its first time unit.");
        public static readonly DiagnosticDescriptor EpochsWithoutStepsPerEpoch = Language(DiagnosticIds.EpochsWithoutStepsPerEpoch, "Length in epochs without steps-per-epoch", "A length written 'K epochs' needs a per-step schedule whose header says how many steps an epoch has ('per step steps-per-epoch N').");
        public static readonly DiagnosticDescriptor CustomNotGiven = Language(DiagnosticIds.CustomNotGiven, "Custom function not given", "Schedule.Parse was not given a function for this 'custom NAME'; in a [Schedule] type the generator declares it as a partial method instead, so the generator never reports this.");
        public static readonly DiagnosticDescriptor ForCutsPhase = Language(DiagnosticIds.ForCutsPhase, "for N cuts a phase before its end", "'for N' ends a phase before its own length, so part of its curve is never used.");

        public static readonly DiagnosticDescriptor NotPartial = Declaration(
            DiagnosticIds.NotPartial, "Schedule type is not partial", "'{0}' must be partial (and so must every type containing it) for the schedule to be generated{1}",
            "The type carrying [Schedule], or a type containing it, must be partial so the generator can add the schedule's members.");

        public static readonly DiagnosticDescriptor Generic = Declaration(
            DiagnosticIds.Generic, "Schedule type is generic", "'{0}' cannot carry a schedule because it is generic or nested in a generic type",
            "A schedule is a fixed curve: its type cannot be generic or nested in a generic type.");

        public static readonly DiagnosticDescriptor NotConstant = Declaration(
            DiagnosticIds.NotConstant, "Schedule text is not a constant string", "The schedule text must be a compile-time constant string; {0}",
            "The schedule text must be a compile-time constant string so it can be checked and compiled at build time; use Schedule.Parse for text known only at run time.");

        public static readonly DiagnosticDescriptor MixedForms = Declaration(
            DiagnosticIds.MixedForms, "Schedule forms mixed or split", "{0}",
            "A type uses one form, on one declaration: the text form [Schedule(\"…\")] or the attribute form with phase attributes.");

        public static readonly DiagnosticDescriptor RefStruct = Declaration(
            DiagnosticIds.RefStruct, "Schedule type is a ref struct", "'{0}' is a ref struct, which cannot implement ILearningRateSchedule; make it a plain struct or a class",
            "A ref struct cannot implement ILearningRateSchedule, so no code is generated for it.");

        public static readonly DiagnosticDescriptor MemberConflict = Declaration(
            DiagnosticIds.MemberConflict, "Member conflicts with the generated schedule", "'{0}' already has a member '{1}' that the schedule needs as '{2}'; give it that signature or rename it",
            "The type declares a member the generator would write, with another signature; the generator keeps the user's member, so it must have the schedule's signature.");

        public static readonly DiagnosticDescriptor UndefinedEnumValue = Declaration(
            DiagnosticIds.UndefinedEnumValue, "Undefined enum value in a phase attribute", "{0} is not a defined value of {1}; use one of its named members",
            "An enum argument of a schedule attribute is not one of the enum's named values, so it is reported instead of being read as another value.");

        public static readonly DiagnosticDescriptor TooLarge = Declaration(
            DiagnosticIds.TooLarge, "Schedule too large to generate", "This schedule holds {0} kernels; the generator compiles at most {1} into C# (Schedule.Parse takes larger ones)",
            "The generator writes straight-line C#; schedules of more than 1,000 kernels would pass the compiler's limits, so they are parsed at run time.");

        public static readonly DiagnosticDescriptor[] All =
        {
            Syntax, UnknownWord, BadNumber, OutOfRange, Unreachable, NotIncreasing, Unbounded, SuspiciousLevel, WarmupFromZero, ForCutsPhase, EpochsWithoutStepsPerEpoch, CustomNotGiven,
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

        /// <summary>
        /// A language diagnostic, its severity from the contract. Errors are not configurable: a schedule with an error has
        /// no curve, so an .editorconfig that lowered one would hide a type whose every call throws.
        /// </summary>
        private static DiagnosticDescriptor Language(string id, string title, string description)
        {
            ScheduleDiagnosticSeverity severity = DiagnosticIds.SeverityOf(id);
            DiagnosticSeverity roslyn = severity == ScheduleDiagnosticSeverity.Error ? DiagnosticSeverity.Error : severity == ScheduleDiagnosticSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
            return Create(id, title, "{0}", roslyn, description);
        }

        private static DiagnosticDescriptor Declaration(string id, string title, string message, string description) => Create(id, title, message, DiagnosticSeverity.Error, description);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                Category,
                severity,
                isEnabledByDefault: true,
                description: description + " See " + HelpBase + id.ToLowerInvariant(),
                helpLinkUri: HelpBase + id.ToLowerInvariant(),
                customTags: severity == DiagnosticSeverity.Error ? new[] { WellKnownDiagnosticTags.NotConfigurable } : new string[0]);
    }
}
