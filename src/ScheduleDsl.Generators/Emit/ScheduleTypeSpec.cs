using ScheduleDsl.Language;

namespace ScheduleDsl.Generators.Emit
{
    /// <summary>One type declaration in the chain that holds a schedule: its keyword (<c>class</c>, <c>record struct</c> …) and name.</summary>
    internal sealed record TypeDeclarationSpec(string Keyword, string Name, bool IsStatic);

    /// <summary>
    /// Everything the emitter needs about one <c>[Schedule]</c> type, as plain values: where it is declared, and its
    /// schedule text. Holds no Roslyn symbol, syntax node or location.
    /// </summary>
    internal sealed record ScheduleTypeSpec(
        string? Namespace,
        EquatableArray<TypeDeclarationSpec> Containers,
        TypeDeclarationSpec Type,
        bool DeclaresParameterlessConstructor,
        string? Text,
        string? Problem,
        EquatableArray<string> UserMembers = default)
    {
        /// <summary>Whether the user's type already declares a member of this name, so the generator must not.</summary>
        public bool UserDeclares(string name)
        {
            foreach (string member in UserMembers)
            {
                if (member == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The hint name of the generated file, unique per type: containing types joined with '-' (a character no namespace
        /// holds, so <c>N.Outer-Inner</c> never collides with a type <c>Inner</c> in namespace <c>N.Outer</c>), without any '@'.
        /// </summary>
        public string HintName
        {
            get
            {
                var name = new System.Text.StringBuilder();
                if (Namespace != null)
                {
                    name.Append(Namespace).Append('.');
                }

                foreach (TypeDeclarationSpec container in Containers)
                {
                    name.Append(container.Name.TrimStart('@')).Append('-');
                }

                return name.Append(Type.Name.TrimStart('@')).Append(".g.cs").ToString();
            }
        }
    }
}
