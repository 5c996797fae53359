using System.CommandLine;
using System.IO;
using ScheduleDsl.Language.Emit;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule generate TEXT [--name T]</c>: prints exactly what the source generator emits for <c>[Schedule(TEXT)]</c>.</summary>
    internal static class GenerateCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var text = new Argument<string>("text") { Description = "The schedule text." };
            var name = new Option<string>("--name") { Description = "The name of the partial struct that carries the schedule.", DefaultValueFactory = _ => "MySchedule" };
            var ns = new Option<string?>("--namespace") { Description = "The namespace of the type (default: none)." };
            var command = new Command("generate", "Print the C# the source generator emits for a schedule.") { text, name, ns };
            command.SetAction(result => Run(result.GetValue(text)!, result.GetValue(name)!, result.GetValue(ns), output, error));
            return command;
        }

        public static int Run(string text, string name, string? ns, TextWriter output, TextWriter error)
        {
            if (!IsIdentifier(name))
            {
                throw new UsageException("--name must be a C# identifier, not '" + name + "'");
            }

            if (ns != null && !System.Array.TrueForAll(ns.Split('.'), IsIdentifier))
            {
                throw new UsageException("--namespace must be dotted C# identifiers, not '" + ns + "'");
            }

            if (ScheduleInput.Parse(text, error) == null)
            {
                return ExitCodes.BadInput;
            }

            var spec = new ScheduleTypeSpec(ns, new EquatableArray<TypeDeclarationSpec>(new TypeDeclarationSpec[0]), new TypeDeclarationSpec("struct", name, false), false, text, null);
            output.Write(ScheduleEmitter.Emit(spec));
            return ExitCodes.Success;
        }

        private static bool IsIdentifier(string name)
        {
            if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
