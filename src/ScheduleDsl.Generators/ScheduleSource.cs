using ScheduleDsl.Generators.Emit;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// The generator's output for a schedule outside a compilation, for tools (<c>schedule generate</c>) that show users what
    /// <c>[Schedule(text)]</c> on a partial struct becomes. Touches no Roslyn type, so calling it loads no compiler.
    /// </summary>
    public static class ScheduleSource
    {
        /// <summary>
        /// The source the generator emits for <c>[Schedule(text)] partial struct name</c> in <paramref name="ns"/> (none when
        /// null). Names must be valid C# identifiers, escaped with <c>@</c> where they are keywords.
        /// </summary>
        public static string ForStruct(string text, string name, string? ns)
        {
            var spec = new ScheduleTypeSpec(ns, default, new TypeDeclarationSpec("struct", name, false), false, text, null);
            return ScheduleEmitter.Emit(spec);
        }
    }
}
