using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScheduleDsl.Generators.Emit;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// Compiles each <c>[Schedule]</c> type into straight-line C#. The transform reduces the declaration to a plain
    /// <see cref="ScheduleTypeSpec"/> (strings and flags only) so unrelated edits leave every step cached; the output step
    /// emits one file per type. It reports no diagnostics — the analyzer does, with exact locations — and never throws.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ScheduleGenerator : IIncrementalGenerator
    {
        public const string SpecStep = "ScheduleSpec";
        public const string SourceStep = "ScheduleSource";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ScheduleTypeSpec> specs = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    ScheduleSymbols.ScheduleAttributeName,
                    static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                    static (context, cancellationToken) => ReadSpec(context, cancellationToken))
                .Where(static spec => spec != null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(SpecStep);

            IncrementalValuesProvider<GeneratedSource> sources = specs
                .Select(static (spec, _) => new GeneratedSource(spec.HintName, EmitSafely(spec)))
                .WithTrackingName(SourceStep);

            context.RegisterSourceOutput(sources, static (output, source) => output.AddSource(source.HintName, source.Text));
        }

        internal static ScheduleTypeSpec? ReadSpec(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            try
            {
                if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0
                    || context.TargetNode is not TypeDeclarationSyntax { Identifier.IsMissing: false })
                {
                    return null;
                }

                // A type whose [Schedule] stands on several partial declarations is an error the compiler reports; emit once.
                ScheduleSymbols? symbols = ScheduleSymbols.From(context.SemanticModel.Compilation);
                AttributeData? schedule = symbols?.FindSchedule(type);
                if (schedule == null || schedule.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent != context.TargetNode)
                {
                    return null;
                }

                ScheduleDeclaration declaration = ScheduleDeclarationReader.Read(type, schedule, symbols!, cancellationToken);
                if (declaration.BlocksGeneration)
                {
                    return null;
                }

                string? problem = declaration.Problems.Count > 0 ? "its [Schedule] declaration is not valid (see the LRS diagnostics)" : null;
                return new ScheduleTypeSpec(
                    type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                    Containers(type, cancellationToken),
                    Declaration(type, cancellationToken),
                    DeclaresParameterlessConstructor(type, cancellationToken),
                    declaration.Text,
                    problem,
                    UserMembers(type));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }
        }

        private static string EmitSafely(ScheduleTypeSpec spec)
        {
            try
            {
                return ScheduleEmitter.Emit(spec);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never fail the user's build from here: a stub that throws, and the message of what went wrong.
                return ScheduleEmitter.Emit(spec with { Problem = "the generator failed (" + e.GetType().Name + ": " + e.Message.Replace("\n", " ") + ")" });
            }
        }

        private static EquatableArray<TypeDeclarationSpec> Containers(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var chain = new System.Collections.Generic.List<TypeDeclarationSpec>();
            for (INamedTypeSymbol? t = type.ContainingType; t != null; t = t.ContainingType)
            {
                chain.Insert(0, Declaration(t, cancellationToken));
            }

            return new EquatableArray<TypeDeclarationSpec>(chain.ToArray());
        }

        private static TypeDeclarationSpec Declaration(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            string keyword = type.TypeKind == TypeKind.Struct ? "struct" : type.TypeKind == TypeKind.Interface ? "interface" : "class";
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is RecordDeclarationSyntax record)
                {
                    keyword = record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record";
                    break;
                }
            }

            string name = SyntaxFacts.GetKeywordKind(type.Name) != SyntaxKind.None ? "@" + type.Name : type.Name;
            return new TypeDeclarationSpec(keyword, name, type.IsStatic);
        }

        /// <summary>The members the generator would add that the user has already written; the generator leaves those out.</summary>
        private static EquatableArray<string> UserMembers(INamedTypeSymbol type)
        {
            var names = new System.Collections.Generic.List<string>();
            foreach (string name in ScheduleEmitter.MemberNames)
            {
                foreach (ISymbol member in type.GetMembers(name))
                {
                    if (!member.IsImplicitlyDeclared && (name != "ToString" || SymbolEqualityComparer.Default.Equals(member.ContainingType, type)))
                    {
                        names.Add(name);
                        break;
                    }
                }
            }

            return new EquatableArray<string>(names.ToArray());
        }

        /// <summary>
        /// Whether the generator must not write a parameterless constructor: the user wrote one, or the type has a primary
        /// constructor (every other constructor would then have to call it, CS8862).
        /// </summary>
        private static bool DeclaresParameterlessConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: not null })
                {
                    return true;
                }
            }

            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length == 0 && !constructor.IsImplicitlyDeclared)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One generated file.</summary>
    internal sealed record GeneratedSource(string HintName, string Text);
}
