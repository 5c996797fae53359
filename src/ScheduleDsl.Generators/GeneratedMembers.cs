using System.Threading;
using Microsoft.CodeAnalysis;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// The members the generator writes, and the check that a member the user wrote under one of their names has the
    /// signature the schedule needs: the generator leaves such a member out and relies on it, so a different signature
    /// would break the generated file (CS0535, CS0736); it is reported on the user's member instead (LRS0105).
    /// </summary>
    internal static class GeneratedMembers
    {
        /// <param name="Type">The return or property type, as <see cref="ITypeSymbol.ToDisplayString()"/> writes it.</param>
        /// <param name="MetricOnly">Only written (and so only checked) for schedules with a plateau phase.</param>
        /// <param name="Channel">Only written (and so only checked) when the schedule drives this channel.</param>
        private sealed record Shape(string Name, bool IsMethod, string Type, string[] Parameters, bool MetricOnly, string Signature, ScheduleChannel? Channel = null);

        private static readonly Shape[] Shapes =
        {
            new Shape("Unit", false, "ScheduleDsl.ScheduleUnit", new string[0], false, "ScheduleUnit Unit { get; }"),
            new Shape("IsAbsolute", false, "bool", new string[0], false, "bool IsAbsolute { get; }"),
            new Shape("At", true, "double", new[] { "long" }, false, "double At(long t)"),
            new Shape("Schedules", true, "bool", new[] { "ScheduleDsl.ScheduleChannel" }, false, "bool Schedules(ScheduleChannel channel)"),
            new Shape("IsAbsoluteFor", true, "bool", new[] { "ScheduleDsl.ScheduleChannel" }, false, "bool IsAbsoluteFor(ScheduleChannel channel)"),
            new Shape("Momentum", true, "double", new[] { "long" }, false, "double Momentum(long t)", ScheduleChannel.Momentum),
            new Shape("WeightDecay", true, "double", new[] { "long" }, false, "double WeightDecay(long t)", ScheduleChannel.WeightDecay),
            new Shape("Observations", false, "long", new string[0], true, "long Observations { get; }"),
            new Shape("Observe", true, "void", new[] { "double" }, true, "void Observe(double metric)"),
            new Shape("GetState", true, "ScheduleDsl.MetricScheduleState", new string[0], true, "MetricScheduleState GetState()"),
            new Shape("SetState", true, "void", new[] { "ScheduleDsl.MetricScheduleState" }, true, "void SetState(MetricScheduleState state)"),
            new Shape("Reset", true, "void", new string[0], true, "void Reset()"),
        };

        /// <param name="model">The valid schedule (null when it has errors): a plateau adds the metric members, a channel its method.</param>
        public static void Check(INamedTypeSymbol type, Language.Model.ScheduleModel? model, ScheduleDeclaration declaration, CancellationToken cancellationToken)
        {
            bool stateful = model?.IsStateful ?? false;
            foreach (Shape shape in Shapes)
            {
                if (shape.Channel is ScheduleChannel channel && model?.Find(channel) == null)
                {
                    continue;
                }

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

                if (conflict == null || matched || (shape.MetricOnly && !stateful))
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
