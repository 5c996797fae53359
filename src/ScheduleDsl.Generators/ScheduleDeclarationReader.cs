using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// Reads a <c>[Schedule]</c> type the same way for the generator and the analyzer: the declaration rules (partial,
    /// not generic, constant text, one form on one declaration) and the schedule text.
    /// </summary>
    internal static class ScheduleDeclarationReader
    {
        public static ScheduleDeclaration Read(INamedTypeSymbol type, AttributeData schedule, ScheduleSymbols symbols, CancellationToken cancellationToken)
        {
            ScheduleDeclaration declaration = ReadForm(type, schedule, symbols, cancellationToken);
            if (declaration.Text != null && !declaration.BlocksGeneration)
            {
                declaration.Parsed = Language.Parser.Parse(declaration.Text);
                int kernels = declaration.Parsed.KernelCount;
                if (kernels > Language.Parser.MaxGeneratedKernels)
                {
                    declaration.Problems.Add(new DeclarationProblem(Descriptors.TooLarge, ArgumentLocation(schedule, cancellationToken) ?? NameLocation(type, cancellationToken),
                        kernels.ToString(System.Globalization.CultureInfo.InvariantCulture), Language.Parser.MaxGeneratedKernels.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    declaration.BlocksGeneration = true;
                    return declaration;
                }

                GeneratedMembers.Check(type, declaration.Parsed.Model, declaration, cancellationToken);
            }

            return declaration;
        }

        private static ScheduleDeclaration ReadForm(INamedTypeSymbol type, AttributeData schedule, ScheduleSymbols symbols, CancellationToken cancellationToken)
        {
            var declaration = new ScheduleDeclaration(schedule);
            Location nameLocation = NameLocation(type, cancellationToken);
            CheckPartial(type, declaration, nameLocation, cancellationToken);
            for (INamedTypeSymbol? t = type; t != null; t = t.ContainingType)
            {
                if (t.IsGenericType)
                {
                    declaration.Problems.Add(new DeclarationProblem(Descriptors.Generic, nameLocation, type.Name));
                    declaration.BlocksGeneration = true;
                    break;
                }
            }

            if (type.IsRefLikeType)
            {
                declaration.Problems.Add(new DeclarationProblem(Descriptors.RefStruct, nameLocation, type.Name));
                declaration.BlocksGeneration = true;
            }

            List<AttributeData> phases = PhaseAttributes(type, symbols);
            bool headerWritten = schedule.NamedArguments.Length > 0;
            Location scheduleLocation = AttributeLocation(schedule, cancellationToken) ?? nameLocation;
            if (schedule.ConstructorArguments.Length == 1)
            {
                TypedConstant argument = schedule.ConstructorArguments[0];
                if (argument.Kind == TypedConstantKind.Error || argument.Value is not string text)
                {
                    declaration.Problems.Add(new DeclarationProblem(Descriptors.NotConstant, ArgumentLocation(schedule, cancellationToken) ?? scheduleLocation,
                        argument.Kind == TypedConstantKind.Error ? "this argument has no constant string value" : "it is null"));
                    return declaration;
                }

                if (phases.Count > 0 || headerWritten)
                {
                    declaration.Problems.Add(new DeclarationProblem(Descriptors.MixedForms, scheduleLocation,
                        "'" + type.Name + "' gives its schedule as text and also with " + (headerWritten ? "Lr/Per/Min" : "phase attributes") + "; use one form"));
                    return declaration;
                }

                declaration.Text = text;
                declaration.IsTextForm = true;
                return declaration;
            }

            if (schedule.ConstructorArguments.Length > 1 || schedule.AttributeClass == null)
            {
                return declaration;
            }

            if (phases.Count == 0)
            {
                declaration.Problems.Add(new DeclarationProblem(Descriptors.MixedForms, scheduleLocation,
                    "'" + type.Name + "' has [Schedule] without a text and without phase attributes such as [Warmup] or [StepDecay]; give the schedule one way"));
                return declaration;
            }

            SyntaxNode? scheduleDeclaration = schedule.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent;
            foreach (AttributeData phase in phases)
            {
                SyntaxNode? owner = phase.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent;
                if (owner != null && scheduleDeclaration != null && owner != scheduleDeclaration)
                {
                    declaration.Problems.Add(new DeclarationProblem(Descriptors.MixedForms, AttributeLocation(phase, cancellationToken) ?? scheduleLocation,
                        "The phases of '" + type.Name + "' are split across partial declarations; put every phase attribute on the declaration that carries [Schedule]"));
                    return declaration;
                }
            }

            AttributeFormWriter.Write(schedule, phases, declaration);
            return declaration;
        }

        private static void CheckPartial(INamedTypeSymbol type, ScheduleDeclaration declaration, Location nameLocation, CancellationToken cancellationToken)
        {
            for (INamedTypeSymbol? t = type; t != null; t = t.ContainingType)
            {
                foreach (SyntaxReference reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax && !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        string container = SymbolEqualityComparer.Default.Equals(t, type) ? string.Empty : " ('" + t.Name + "' is not)";
                        declaration.Problems.Add(new DeclarationProblem(Descriptors.NotPartial, nameLocation, type.Name, container));
                        declaration.BlocksGeneration = true;
                        return;
                    }
                }
            }
        }

        public static List<AttributeData> PhaseAttributes(INamedTypeSymbol type, ScheduleSymbols symbols)
        {
            var phases = new List<AttributeData>();
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (symbols.IsPhase(attribute))
                {
                    phases.Add(attribute);
                }
            }

            return phases;
        }

        public static Location NameLocation(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax)
                {
                    return syntax.Identifier.GetLocation();
                }
            }

            return type.Locations.Length > 0 ? type.Locations[0] : Location.None;
        }

        public static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

        public static ExpressionSyntax? TextArgument(AttributeData attribute, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax && syntax.ArgumentList != null)
            {
                foreach (AttributeArgumentSyntax argument in syntax.ArgumentList.Arguments)
                {
                    if (argument.NameEquals == null)
                    {
                        return argument.Expression;
                    }
                }
            }

            return null;
        }

        private static Location? ArgumentLocation(AttributeData attribute, CancellationToken cancellationToken) => TextArgument(attribute, cancellationToken)?.GetLocation();
    }
}
