using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// Checked-in snapshots of generated code: <c>Snapshots/NAME.verified.cs</c>. A mismatch writes <c>NAME.received.cs</c>
    /// beside it and fails with the first differing lines; <c>SCHEDULEDSL_ACCEPT_SNAPSHOTS=1</c> accepts new output locally
    /// (never under CI).
    /// </summary>
    internal static class Snapshot
    {
        public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
        {
            string directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
            string verified = Path.Combine(directory, name + ".verified.cs");
            string received = Path.Combine(directory, name + ".received.cs");
            string normalized = Normalize(actual);
            bool accept = Environment.GetEnvironmentVariable("SCHEDULEDSL_ACCEPT_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") == null;
            if (accept)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(verified, normalized);
                File.Delete(received);
                return;
            }

            string expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : string.Empty;
            if (expected == normalized)
            {
                File.Delete(received);
                return;
            }

            File.WriteAllText(received, normalized);
            string[] e = expected.Split('\n');
            string[] a = normalized.Split('\n');
            int line = 0;
            while (line < e.Length && line < a.Length && e[line] == a[line])
            {
                line++;
            }

            throw new Xunit.Sdk.XunitException(
                (File.Exists(verified) ? "Snapshot " + name + " differs" : "No snapshot " + name + " yet") + " at line " + (line + 1) + ":\n"
                + "  verified: " + (line < e.Length ? e[line] : "<end>") + "\n"
                + "  received: " + (line < a.Length ? a[line] : "<end>") + "\n"
                + "See " + received + "; set SCHEDULEDSL_ACCEPT_SNAPSHOTS=1 to accept.");
        }

        /// <summary>Line ends as LF, one final newline, and the generator's version as <c>{version}</c>, so a release changes no snapshot.</summary>
        private static string Normalize(string text) =>
            text.Replace("\r\n", "\n").TrimEnd('\n').Replace(Emit.ScheduleEmitter.GeneratorName + " " + Emit.ScheduleEmitter.GeneratorVersion + " ", Emit.ScheduleEmitter.GeneratorName + " {version} ")
                .Replace("(\"" + Emit.ScheduleEmitter.GeneratorName + "\", \"" + Emit.ScheduleEmitter.GeneratorVersion + "\")", "(\"" + Emit.ScheduleEmitter.GeneratorName + "\", \"{version}\")") + "\n";
    }
}
