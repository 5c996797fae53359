using System.CommandLine;
using System.IO;
using ScheduleDsl.Generators;

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
            if (!IsIdentifier(name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name))
            {
                throw new UsageException("--name must be a C# identifier, not '" + name + "'");
            }

            if (ns != null && !System.Array.TrueForAll(ns.Split('.'), part => IsIdentifier(part.StartsWith("@", System.StringComparison.Ordinal) ? part.Substring(1) : part)))
            {
                throw new UsageException("--namespace must be dotted C# identifiers, not '" + ns + "'");
            }

            // A keyword is a valid name once escaped, as the generator writes a type named @class.
            name = Escape(name);
            ns = ns == null ? null : string.Join(".", System.Array.ConvertAll(ns.Split('.'), Escape));

            if (!ScheduleInput.IsValidForCode(text, error))
            {
                return ExitCodes.BadInput;
            }

            output.Write(ScheduleSource.ForStruct(text, name, ns));
            return ExitCodes.Success;
        }

        private static readonly System.Collections.Generic.HashSet<string> Keywords = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal",
            "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
            "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
            "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte",
            "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        };

        private static string Escape(string name) => Keywords.Contains(name) ? "@" + name : name;

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
