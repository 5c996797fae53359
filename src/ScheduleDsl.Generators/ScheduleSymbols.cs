using Microsoft.CodeAnalysis;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// The runtime's attribute types in one compilation, resolved once: <c>[Schedule]</c> and the base of the phase
    /// attributes. Attributes are matched by symbol, not by display string.
    /// </summary>
    internal sealed class ScheduleSymbols
    {
        public const string ScheduleAttributeName = "ScheduleDsl.ScheduleAttribute";
        public const string PhaseAttributeBaseName = "ScheduleDsl.SchedulePhaseAttribute";

        private ScheduleSymbols(INamedTypeSymbol schedule, INamedTypeSymbol? phaseBase)
        {
            Schedule = schedule;
            PhaseBase = phaseBase;
        }

        public INamedTypeSymbol Schedule { get; }

        /// <summary>Null only when the referenced runtime predates the attribute form.</summary>
        public INamedTypeSymbol? PhaseBase { get; }

        /// <summary>The symbols of <paramref name="compilation"/>, or null when it does not reference the runtime (nothing to do).</summary>
        public static ScheduleSymbols? From(Compilation compilation)
        {
            INamedTypeSymbol? schedule = compilation.GetTypeByMetadataName(ScheduleAttributeName);
            return schedule == null ? null : new ScheduleSymbols(schedule, compilation.GetTypeByMetadataName(PhaseAttributeBaseName));
        }

        public AttributeData? FindSchedule(INamedTypeSymbol type)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Schedule))
                {
                    return attribute;
                }
            }

            return null;
        }

        public bool IsPhase(AttributeData attribute)
        {
            if (PhaseBase == null)
            {
                return false;
            }

            for (INamedTypeSymbol? b = attribute.AttributeClass?.BaseType; b != null; b = b.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(b, PhaseBase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
