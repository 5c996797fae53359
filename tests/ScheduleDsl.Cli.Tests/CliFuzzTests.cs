using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>
    /// Random command lines, in-process: every command with options, values, schedule texts and paths drawn from pools
    /// of good and bad ones. Whatever the arguments, the tool never throws, exits with a documented code, and a failure
    /// is an error line, never a stack trace. Work-sized counts stay small here; their bounds have their own tests.
    /// </summary>
    public sealed class CliFuzzTests : IDisposable
    {
        private static readonly int Cases = 600 * (int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s > 0 ? Math.Min(s, 20) : 1);

        private static readonly string[] Commands = { "check", "explain", "eval", "generate", "plot", "train", "compare", "find-lr", "bogus", "--help", "--version", "" };

        private static readonly Dictionary<string, string[]> OptionsOf = new()
        {
            ["check"] = Array.Empty<string>(),
            ["explain"] = new[] { "--steps" },
            ["eval"] = new[] { "--steps", "--base-lr", "--format", "--metrics", "--channel" },
            ["generate"] = new[] { "--name", "--namespace" },
            ["plot"] = new[] { "--steps", "--out", "-o", "--base-lr" },
            ["train"] = Training.Concat(new[] { "--schedule", "--no-shuffle", "--init", "--save", "--resume", "--change-schedule", "--history-json", "--quiet" }).ToArray(),
            ["compare"] = Training.Concat(new[] { "--schedule", "--schedules-file", "--seeds", "--out" }).ToArray(),
            ["find-lr"] = Training.Concat(new[] { "--start", "--end", "--steps", "--out" }).ToArray(),
        };

        private static readonly string[] Counts = { "1", "2", "3", "0", "-1", "2147483648", "x", "", "1,5", "1.5", "NaN", "-0", "+2", " 2", "\u0663" };

        private static readonly string[] Rates = { "0.05", "1e-3", "1e30", "0", "-1", "NaN", "Infinity", "1e400", "0,05", "", "x", "5E-324" };

        private static readonly string[] Texts =
        {
            "constant", "lr 1e-2: step 0.8 every 2", "plateau factor 0.5 patience 1", "(constant -> constant) for 2 -> constant",
            "@x", "lr", "", "warmup linear 2 -> cosine 3", "lr 0.1 per step: onecycle 0.1 over 20", "step 0.8 every 1e-310", "\u0000", "lr 1e400: constant",
        };

        private static readonly string[] Names = { "A", "class", "@int", "1x", "", "a.b", "My Schedule", "\u00c4" };

        private static readonly Dictionary<string, string[]> Words = new()
        {
            ["--format"] = new[] { "table", "csv", "json", "xml", "" },
            ["--activation"] = new[] { "relu", "tanh", "sigmoid", "softmax", "x" },
            ["--loss"] = new[] { "cce", "bce", "mse", "hinge", "" },
            ["--optimizer"] = new[] { "sgd", "adam", "adamw", "sgd ", "x" },
            ["--label-column"] = new[] { "label", "a", "b", "nope", "" },
            ["--metrics"] = new[] { "1,0.5,0.25", "1", "0.5,0.5,0.5,0.5", "0.5,x", "NaN", "", "1e400,1" },
        };

        private static readonly string[] Layers = { "9", "4,4", " 5 , 5 ", "", "0", "x", "2147483647", "100000,100000", "3,-1" };

        private static string[] Training => new[] { "--data", "--test", "--label-column", "--tutorial-data", "--layers", "--activation", "--loss", "--optimizer", "--lr", "--epochs", "--batch", "--seed" };

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-cli-fuzz-" + Guid.NewGuid().ToString("N"));

        private readonly string[] _inputs;

        private readonly string[] _outputs;

        public CliFuzzTests()
        {
            Directory.CreateDirectory(_directory);
            string csv = Path.Combine(_directory, "data.csv");
            File.WriteAllText(csv, "a,b,label\n0.1,0.2,0\n0.3,0.1,1\n0.5,0.9,2\n0.7,0.3,1\n");
            string badCsv = Path.Combine(_directory, "bad.csv");
            File.WriteAllText(badCsv, "a,b,label\n0.1,x,0\n1,2\n");
            string junk = Path.Combine(_directory, "junk.bin");
            File.WriteAllBytes(junk, new byte[] { 8, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'x' });
            string schedules = Path.Combine(_directory, "schedules.txt");
            File.WriteAllText(schedules, "# two\nconstant\nstep 0.5 every 1\n");
            string checkpoint = Path.Combine(_directory, "ck.safetensors");
            _inputs = new[] { csv, checkpoint, schedules, badCsv, junk, _directory, string.Empty, "/proc/version", "/dev/null", "/dev/full", Path.Combine(_directory, "nope.csv") };
            _outputs = new[]
            {
                Path.Combine(_directory, "out.png"), checkpoint, Path.Combine(_directory, "missing", "deep", "out.json"), _directory, csv, string.Empty,
                "/proc/version", "/dev/null", "/dev/full", "/", Path.Combine(_directory, "a\0b"),
            };
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void RandomCommandLinesNeverCrash()
        {
            var random = new Random(20261202);
            int succeeded = 0;
            for (int i = 0; i < Cases; i++)
            {
                string[] args = CommandLine(random);
                (int exit, string output, string error) run;
                try
                {
                    run = Cli.Run(args);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException("schedule " + Show(args) + " threw " + e);
                }

                Assert.True(run.exit is ExitCodes.Success or ExitCodes.InvalidSchedule or ExitCodes.BadInput or ExitCodes.Diverged, "exit " + run.exit + " for " + Show(args));
                Assert.DoesNotContain("   at ", run.error);
                Assert.DoesNotContain("Exception", run.error);
                Assert.DoesNotContain("   at ", run.output);
                if (run.exit == ExitCodes.BadInput)
                {
                    Assert.True(run.error.StartsWith("error: ", StringComparison.Ordinal) || run.error.Contains("\nerror: ", StringComparison.Ordinal), "no error line for " + Show(args) + ":\n" + run.error);
                    Assert.True(run.error.Length < 20_000, "an error of " + run.error.Length + " characters for " + Show(args));
                }
                else if (run.exit == ExitCodes.Success)
                {
                    succeeded++;
                }
            }

            Assert.True(succeeded > Cases / 20, "only " + succeeded + " of " + Cases + " command lines succeeded; the pools no longer reach the commands' work");
        }

        private string[] CommandLine(Random random)
        {
            string command = Commands[random.Next(Commands.Length)];
            var args = new List<string>();
            if (command.Length > 0)
            {
                args.Add(command);
            }

            if (!OptionsOf.TryGetValue(command, out string[]? options))
            {
                return args.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, Texts))).ToArray();
            }

            if (command is "check" or "explain" or "eval" or "generate" or "plot" && random.Next(8) != 0)
            {
                args.Add(Pick(random, Texts));
            }

            // Keep the default outputs of compare and find-lr out of the working folder.
            if (command is "compare" or "find-lr" or "plot")
            {
                args.Add("-o");
                args.Add(command == "compare" ? _directory : Path.Combine(_directory, command + ".png"));
            }

            if (command is "train" or "compare" or "find-lr")
            {
                args.Add(random.Next(3) == 0 ? "--data" : "--tutorial-data");
                if (args[^1] == "--data")
                {
                    args.Add(Pick(random, _inputs));
                }

                args.Add("--epochs");
                args.Add(random.Next(3) == 0 ? Pick(random, Counts) : "2");
            }

            if (command == "compare")
            {
                args.AddRange(random.Next(4) == 0 ? new[] { "--schedules-file", Pick(random, _inputs) } : new[] { "--schedule", Pick(random, Texts), "--schedule", "constant" });
                args.Add("--seeds");
                args.Add(random.Next(3) == 0 ? Pick(random, Counts) : "2");
            }

            int extra = random.Next(5);
            for (int k = 0; k < extra; k++)
            {
                string[] unused = options.Where(o => !args.Contains(o) && !(o == "--out" && args.Contains("-o"))).ToArray();
                string option = unused.Length > 0 && random.Next(8) != 0 ? Pick(random, unused) : Pick(random, new[] { "--bogus", "-x", "--", "--help", "--epochs" });
                args.Add(option);
                string? value = ValueFor(option, random);
                if (value != null)
                {
                    args.Add(value);
                }
            }

            return args.ToArray();
        }

        private string? ValueFor(string option, Random random)
        {
            if (random.Next(12) == 0)
            {
                return null;
            }

            return option switch
            {
                "--steps" or "--epochs" or "--batch" or "--seed" or "--seeds" => Pick(random, Counts),
                "--lr" or "--base-lr" or "--start" or "--end" => Pick(random, Rates),
                "--schedule" => Pick(random, Texts),
                "--name" or "--namespace" => Pick(random, Names),
                "--layers" => Pick(random, Layers),
                "--data" or "--test" or "--init" or "--resume" or "--schedules-file" => Pick(random, _inputs),
                "--save" or "--history-json" or "--out" or "-o" => Pick(random, _outputs),
                "--format" or "--activation" or "--loss" or "--optimizer" or "--label-column" or "--metrics" => Pick(random, Words[option]),
                "--no-shuffle" or "--change-schedule" or "--quiet" or "--tutorial-data" or "--help" or "--" => null,
                _ => Pick(random, Texts),
            };
        }

        /// <summary>Half the time one of the first (good) values of the pool, so that commands get past their checks.</summary>
        private static string Pick(Random random, string[] pool) => pool[random.Next(random.Next(2) == 0 ? Math.Min(3, pool.Length) : pool.Length)];

        private static string Show(string[] args) => string.Join(" ", args.Select(a => "'" + a + "'"));
    }
}
