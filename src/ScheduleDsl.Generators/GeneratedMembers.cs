using System.Threading;
using Microsoft.CodeAnalysis;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// The members the generator writes, and the check that a member the user wrote under one of their names has the
    /// signature the schedule needs: the generator leaves such a member out and relies on it, so a different signature
    /// would break the generated file (CS0535, CS0736); it is reported on the user's member instead (LRS0105).
    /// </summary>
    internal static class GeneratedMembers
    {
        private sealed class Shape
        {
            public Shape(string name, bool isMethod, string type, string[] parameters, bool metricOnly, string signature)
            {
                Name = name;
                IsMethod = isMethod;
                Type = type;
                Parameters = parameters;
                MetricOnly = metricOnly;
                Signature = signature;
            }

            public string Name { get; }

            public bool IsMethod { get; }

            /// <summary>The return or property type, as <see cref="ITypeSymbol.ToDisplayString()"/> writes it.</summary>
            public string Type { get; }

            public string[] Parameters { get; }

            /// <summary>Only written (and so only checked) for schedules with a plateau phase.</summary>
            public bool MetricOnly { get; }

            public string Signature { get; }
        }

        private static readonly Shape[] Shapes =
        {
            new Shape("Unit", false, "ScheduleDsl.ScheduleUnit", new string[0], false, "ScheduleUnit Unit { get; }"),
            new Shape("IsAbsolute", false, "bool", new string[0], false, "bool IsAbsolute { get; }"),
            new Shape("At", true, "double", new[] { "long" }, false, "double At(long t)"),
            new Shape("Observations", false, "long", new string[0], true, "long Observations { get; }"),
            new Shape("Observe", true, "void", new[] { "double" }, true, "void Observe(double metric)"),
            new Shape("GetState", true, "ScheduleDsl.MetricScheduleState", new string[0], true, "MetricScheduleState GetState()"),
            new Shape("SetState", true, "void", new[] { "ScheduleDsl.MetricScheduleState" }, true, "void SetState(MetricScheduleState state)"),
            new Shape("Reset", true, "void", new string[0], true, "void Reset()"),
        };

        public static void Check(INamedTypeSymbol type, ScheduleDeclaration declaration, CancellationToken cancellationToken)
        {
            bool? stateful = null;
            foreach (Shape shape in Shapes)
            {
                ISymbol? conflict = null;
                bool matched = false;
                foreach (ISymbol member in type.GetMembers(shape.Name))
                {
                    if (member.IsImplicitlyDeclared)
                    {
                        continue;
                    }

                    if (Matches(member, shape, type.IsStatic))
                    {
                        matched = true;
                    }
                    else
                    {
                        conflict ??= member;
                    }
                }

                if (conflict == null || matched)
                {
                    continue;
                }

                stateful ??= Parser.Parse(declaration.Text!).Model?.IsStateful ?? false;
                if (shape.MetricOnly && stateful == false)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                Location location = conflict.Locations.Length > 0 ? conflict.Locations[0] : ScheduleDeclarationReader.NameLocation(type, cancellationToken);
                string modifiers = type.IsStatic ? "public static " : "public ";
                declaration.Problems.Add(new DeclarationProblem(Descriptors.MemberConflict, location, type.Name, shape.Name, modifiers + shape.Signature));
                declaration.BlocksGeneration = true;
            }
        }

        private static bool Matches(ISymbol member, Shape shape, bool staticType)
        {
            if (member.IsStatic != staticType || member.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            if (shape.IsMethod)
            {
                if (member is not IMethodSymbol method || method.IsGenericMethod || method.ReturnType.ToDisplayString() != shape.Type
                    || method.Parameters.Length != shape.Parameters.Length)
                {
                    return false;
                }

                for (int i = 0; i < shape.Parameters.Length; i++)
                {
                    IParameterSymbol parameter = method.Parameters[i];
                    if (parameter.RefKind != RefKind.None || parameter.Type.ToDisplayString() != shape.Parameters[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            return member is IPropertySymbol property && property.GetMethod != null && !property.IsIndexer
                && property.Type.ToDisplayString() == shape.Type && property.RefKind == RefKind.None;
        }
    }
}
