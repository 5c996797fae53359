using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ScheduleDsl.Training;
using ScheduleDsl.Cli.Reports;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary><c>schedule train</c>, <c>compare</c>, <c>plot</c>, <c>find-lr</c>, <c>generate</c>, every bad input, and the sample's experiment reduced.</summary>
    public sealed class TrainingCommandTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-cli-" + Guid.NewGuid().ToString("N"));

        public TrainingCommandTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private string File(string name, string content)
        {
            string path = Path.Combine(_directory, name);
            System.IO.File.WriteAllText(path, content);
            return path;
        }

        private string Csv(string name, int rows, int seed)
        {
            var random = new Random(seed);
            var lines = new System.Collections.Generic.List<string> { "a,b,label,c" };
            for (int i = 0; i < rows; i++)
            {
                double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
                int label = a > b && a > c ? 0 : b > c ? 1 : 2;
                lines.Add(FormattableString.Invariant($"{a:R},{b:R},{label},{c:R}"));
            }

            return File(name, string.Join("\n", lines) + "\n");
        }

        [Fact]
        public void TrainsOnTheTutorialData()
        {
            var (exit, output, error) = Cli.Run("train", "--tutorial-data", "--schedule", "lr 1e-2: step 0.8 every 2", "--epochs", "3", "--seed", "1");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            Assert.Contains("Epoch 3/3", output);
            Assert.Contains("lr: 0.008", output);
            Assert.Matches(@"Trained 3 epochs: loss \d\.\d{4}, test loss \d\.\d{4}, test accuracy \d+\.\d%\.", output);
        }

        [Fact]
        public void TrainsOnCsvFilesAndWritesTheHistoryAsJson()
        {
            string train = Csv("train.csv", 300, 1);
            string test = Csv("test.csv", 60, 2);
            string history = Path.Combine(_directory, "history.json");
            var (exit, output, _) = Cli.Run("train", "--data", train, "--test", test, "--label-column", "label", "--layers", "8", "--optimizer", "adam", "--lr", "0.01",
                "--epochs", "4", "--batch", "32", "--schedule", "warmup linear 2 from 0.1 -> constant", "--history-json", history, "--quiet");
            Assert.Equal(0, exit);
            Assert.DoesNotContain("Epoch", output);
            using JsonDocument json = JsonDocument.Parse(System.IO.File.ReadAllText(history));
            JsonElement[] epochs = json.RootElement.GetProperty("epochs").EnumerateArray().ToArray();
            Assert.Equal(4, epochs.Length);
            Assert.Equal(0, epochs[0].GetProperty("epoch").GetInt32());
            Assert.Equal(0.001, epochs[0].GetProperty("lr").GetDouble(), 12);
            Assert.Equal(0.01, epochs[3].GetProperty("lr").GetDouble(), 12);
            foreach (string key in new[] { "loss", "val_loss", "val_accuracy", "seconds" })
            {
                Assert.True(epochs[3].TryGetProperty(key, out _), "no " + key);
            }
        }

        [Fact]
        public void ResumingWithAnotherBatchSizeIsRefused()
        {
            string checkpoint = Path.Combine(_directory, "batch.safetensors");
            Assert.Equal(0, Cli.Run("train", "--tutorial-data", "--epochs", "2", "--batch", "50", "--quiet", "--save", checkpoint).Exit);
            (int exit, _, string error) = Cli.Run("train", "--tutorial-data", "--epochs", "4", "--batch", "32", "--quiet", "--resume", checkpoint);
            Assert.Equal(2, exit);
            Assert.Contains("was trained with 20 steps per epoch, but this command line makes 32 (--batch 32 over 1000 samples)", error);
            Assert.Equal(0, Cli.Run("train", "--tutorial-data", "--epochs", "4", "--batch", "50", "--quiet", "--resume", checkpoint).Exit);
        }

        [Fact]
        public void ResumingFromASavedCheckpointContinuesExactly()
        {
            string[] common = { "train", "--tutorial-data", "--optimizer", "momentum", "--schedule", "lr 0.05: plateau factor 0.5 patience 0 threshold 0.001", "--seed", "3", "--quiet" };
            string whole = Path.Combine(_directory, "whole.json");
            string second = Path.Combine(_directory, "second.json");
            string checkpoint = Path.Combine(_directory, "run.safetensors");
            Assert.Equal(0, Cli.Run(common.Concat(new[] { "--epochs", "6", "--history-json", whole }).ToArray()).Exit);
            Assert.Equal(0, Cli.Run(common.Concat(new[] { "--epochs", "2", "--save", checkpoint }).ToArray()).Exit);
            Assert.Equal(0, Cli.Run(common.Concat(new[] { "--epochs", "6", "--resume", checkpoint, "--history-json", second }).ToArray()).Exit);
            double[] Losses(string path, int skip) => JsonDocument.Parse(System.IO.File.ReadAllText(path)).RootElement.GetProperty("epochs").EnumerateArray().Skip(skip).Select(e => e.GetProperty("loss").GetDouble()).ToArray();
            Assert.Equal(Losses(whole, 2), Losses(second, 0));
        }

        /// <summary>A kernel setting that is not one is refused with a message and the bad-input exit code, not a crash.</summary>
        [Fact]
        public void ABadKernelSettingIsAnErrorNotACrash()
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["SCHEDULEDSL_GEMM_TILE"] = "avx512";
            foreach (string argument in new[] { typeof(CliApp).Assembly.Location, "train", "--tutorial-data", "--epochs", "1", "--quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            string stderr = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000));
            Assert.Equal(ExitCodes.BadInput, process.ExitCode);
            Assert.Equal("error: SCHEDULEDSL_GEMM_TILE is 'avx512', which is not a tile: use vector, vector512 or unpacked, or unset it to let the process choose.", stderr.Trim());
        }

        [Fact]
        public void ACheckpointResumesExactlyInANewProcess()
        {
            string[] common = { "train", "--tutorial-data", "--optimizer", "adam", "--schedule", "lr 0.01 per step: warmup linear 30 from 0.001 -> cosine 170 to 1e-4", "--seed", "4", "--quiet" };
            string whole = Path.Combine(_directory, "whole.json");
            string second = Path.Combine(_directory, "second.json");
            string checkpoint = Path.Combine(_directory, "run.safetensors");
            Assert.Equal(0, Cli.Run(common.Concat(new[] { "--epochs", "10", "--history-json", whole }).ToArray()).Exit);
            Assert.Equal(0, Cli.Run(common.Concat(new[] { "--epochs", "4", "--save", checkpoint }).ToArray()).Exit);

            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
            foreach (string argument in common.Concat(new[] { "--epochs", "10", "--resume", checkpoint, "--history-json", second }))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            string stderr = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000));
            Assert.True(process.ExitCode == 0, stderr);
            JsonElement[] Epochs(string path, int skip) => JsonDocument.Parse(System.IO.File.ReadAllText(path)).RootElement.GetProperty("epochs").EnumerateArray().Skip(skip).ToArray();
            JsonElement[] expected = Epochs(whole, 4);
            JsonElement[] actual = Epochs(second, 0);
            Assert.Equal(6, actual.Length);
            for (int i = 0; i < 6; i++)
            {
                foreach (string key in new[] { "epoch", "lr", "loss", "accuracy", "val_loss", "val_accuracy" })
                {
                    Assert.Equal(expected[i].GetProperty(key).GetDouble(), actual[i].GetProperty(key).GetDouble());
                }
            }
        }

        [Theory]
        [InlineData("missing")]
        [InlineData("ragged")]
        [InlineData("text")]
        [InlineData("label")]
        [InlineData("schedule")]
        [InlineData("optimizer")]
        [InlineData("layers")]
        [InlineData("both")]
        [InlineData("none")]
        [InlineData("resume")]
        public void BadInputEndsWithOneLineAndExitCodeTwo(string problem)
        {
            string good = Csv("good.csv", 20, 3);
            string[] args = problem switch
            {
                "missing" => new[] { "train", "--data", Path.Combine(_directory, "nope.csv") },
                "ragged" => new[] { "train", "--data", File("ragged.csv", "a,b,label\n1,2,0\n1,2\n") },
                "text" => new[] { "train", "--data", File("text.csv", "a,b,label\n1,2,0\n1,x,1\n") },
                "label" => new[] { "train", "--data", good, "--label-column", "class" },
                "schedule" => new[] { "train", "--tutorial-data", "--schedule", "step 0.8 evry 2" },
                "optimizer" => new[] { "train", "--tutorial-data", "--optimizer", "lion" },
                "layers" => new[] { "train", "--tutorial-data", "--layers", "9,0" },
                "both" => new[] { "train", "--tutorial-data", "--data", good },
                "none" => new[] { "train" },
                _ => new[] { "train", "--tutorial-data", "--resume", File("bad.safetensors", "not a checkpoint") },
            };
            var (exit, output, error) = Cli.Run(args);
            Assert.Equal(2, exit);
            Assert.StartsWith("error: ", error);
            Assert.DoesNotContain("   at ", error);
            Assert.DoesNotContain("Exception", error);
            string expected = problem switch
            {
                "missing" => "no such file",
                "ragged" => "ragged.csv:3: 2 cells, but the header has 3",
                "text" => "text.csv:3:2: 'x' in column 'b' is not a finite number",
                "label" => "no column named 'class'",
                "schedule" => "LRS0002",
                "optimizer" => "--optimizer must be",
                "layers" => "--layers takes sizes",
                "both" => "not both",
                "none" => "--data FILE",
                _ => "not a valid safetensors file",
            };
            Assert.Contains(expected, error);
            if (problem != "schedule")
            {
                Assert.Single(error.TrimEnd('\n').Split('\n'));
            }
        }

        [Fact]
        public void CompareWritesATableASummaryAndPlots()
        {
            string output = Path.Combine(_directory, "compare");
            var (exit, text, _) = Cli.Run("compare", "--tutorial-data", "--optimizer", "momentum", "--lr", "0.2", "--schedule", "constant", "--schedule", "onecycle 1 over 5", "--epochs", "5", "--seeds", "2", "-o", output);
            Assert.Equal(0, exit);
            Assert.Contains("| test loss           | test accuracy   | final training loss |", text);
            Assert.Matches("Against constant, onecycle 1 over 5 gave (a lower|a higher|no clear difference in) test loss", text);
            Png.AssertValid(Path.Combine(output, "compare-loss.png"));
            Png.AssertValid(Path.Combine(output, "compare-rate.png"));
        }

        [Fact]
        public void CompareReadsSchedulesFromAFileAndRejectsInvalidOnes()
        {
            string file = File("schedules.txt", "# one per line\nconstant\n\nstep 0.5 every 2\n");
            Assert.Equal(0, Cli.Run("compare", "--tutorial-data", "--schedules-file", file, "--epochs", "2", "--seeds", "1", "-o", Path.Combine(_directory, "c")).Exit);
            var (exit, _, error) = Cli.Run("compare", "--tutorial-data", "--schedule", "cosine", "--epochs", "2");
            Assert.Equal(2, exit);
            Assert.Contains("LRS0001", error);
            Assert.Equal(2, Cli.Run("compare", "--tutorial-data").Exit);
        }

        [Fact]
        public void PlotWritesAPng()
        {
            string path = Path.Combine(_directory, "plots", "rates.png");
            var (exit, _, _) = Cli.Run("plot", "lr 0.1 per step: onecycle 0.1 over 1000", "lr 0.1 per step: warmup linear 100 from 0.001 -> cosine 900 to 1e-4", "--steps", "1000", "-o", path);
            Assert.Equal(0, exit);
            Png.AssertValid(path);
            Assert.Equal(2, Cli.Run("plot", "step 2 every 1", "-o", path).Exit);
            Assert.Equal(2, Cli.Run("plot", "constant").Exit);
        }

        [Fact]
        public void FindLrSuggestsSchedulesThatParse()
        {
            string path = Path.Combine(_directory, "find-lr.png");
            var (exit, output, _) = Cli.Run("find-lr", "--tutorial-data", "--optimizer", "momentum", "--steps", "120", "-o", path);
            Assert.Equal(0, exit);
            Png.AssertValid(path);
            string[] suggestions = output.Split('\n').Where(l => l.StartsWith("  lr ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
            Assert.Equal(2, suggestions.Length);
            Assert.All(suggestions, s => Assert.True(Schedule.TryParse(s, out _, out _), s));
            Assert.Equal(2, Cli.Run("find-lr", "--tutorial-data", "--start", "1", "--end", "0.1").Exit);
        }

        [Fact]
        public void GeneratePrintsTheGeneratedSource()
        {
            var (exit, output, _) = Cli.Run("generate", "lr 1e-2: step 0.8 every 2", "--name", "TutorialDecay", "--namespace", "Demo");
            Assert.Equal(0, exit);
            Assert.StartsWith("// <auto-generated/>", output);
            Assert.Contains("namespace Demo", output);
            Assert.Contains("partial struct TutorialDecay : global::ScheduleDsl.IHyperparameterSchedule", output);
            Assert.Contains("value = 0.01 * global::System.Math.Pow(0.8, t / 2);", output);
            Assert.Equal(2, Cli.Run("generate", "constant", "--name", "1x").Exit);
            Assert.Equal(2, Cli.Run("generate", "cosine").Exit);
        }

        /// <summary>
        /// A pandas export of a sorted data set: an index column (refused, then dropped on request), ';' separators, quoted
        /// class names; without --test the scores are on a random validation split, and the summary says so.
        /// </summary>
        [Fact]
        public void PandasStyleCsvWithClassNamesTrainsOnAValidationSplit()
        {
            var random = new Random(3);
            var lines = new System.Collections.Generic.List<string> { "Unnamed: 0;a;b;\"species\"" };
            for (int i = 0; i < 120; i++)
            {
                string species = i < 40 ? "setosa" : i < 80 ? "versicolor" : "virginica";
                double a = (i / 40) + random.NextDouble() * 0.5, b = random.NextDouble();
                lines.Add(FormattableString.Invariant($"{i};{a:R};{b:R};\"{species}\""));
            }

            string path = File("iris.csv", string.Join("\n", lines) + "\n");
            var refused = Cli.Run("train", "--data", path, "--label-column", "species", "--epochs", "3");
            Assert.Equal(2, refused.Exit);
            Assert.Contains("column 'Unnamed: 0' counts the rows", refused.Err);

            var (exit, output, error) = Cli.Run("train", "--data", path, "--label-column", "species", "--index-column", "drop", "--epochs", "40", "--quiet");
            Assert.True(exit == 0, error);
            Assert.Contains(", validation loss ", output);
            Assert.Contains(", validation accuracy ", output);
            Assert.Contains("% (20% of --data held out at random).", output);
        }

        /// <summary>'train --resume FILE --epochs N' needs only the data: the checkpoint holds the network, optimizer and schedule.</summary>
        [Fact]
        public void ResumeFromTheCheckpointAloneGoesOnAsTheUninterruptedRun()
        {
            string ck = Path.Combine(_directory, "alone.safetensors");
            string[] setup = { "--tutorial-data", "--optimizer", "adam", "--lr", "0.01", "--layers", "12,6", "--schedule", "cosine 8 to 0.1", "--quiet" };
            var whole = Cli.Run(new[] { "train", "--epochs", "8" }.Concat(setup).ToArray());
            Assert.Equal(0, whole.Exit);
            Assert.Equal(0, Cli.Run(new[] { "train", "--epochs", "3", "--save", ck }.Concat(setup).ToArray()).Exit);

            var resumed = Cli.Run("train", "--tutorial-data", "--resume", ck, "--epochs", "8", "--quiet");
            Assert.True(resumed.Exit == 0, resumed.Err);
            Assert.Equal(whole.Out.Split('\n')[0], resumed.Out.Split('\n')[0]);
            Assert.StartsWith("Trained 8 epochs: ", resumed.Out, StringComparison.Ordinal);
        }

        /// <summary>--normalize standardizes with the training data's statistics, which the checkpoint keeps for the resumed run.</summary>
        [Fact]
        public void NormalizedFeaturesAreKeptInTheCheckpoint()
        {
            // Features on scales four orders of magnitude apart: the case standardization is for.
            var random = new Random(4);
            var lines = new System.Collections.Generic.List<string> { "a,b,label" };
            for (int i = 0; i < 300; i++)
            {
                double a = random.NextDouble(), b = random.NextDouble();
                lines.Add(FormattableString.Invariant($"{a * 10000:R},{b * 0.001:R},{(a > 0.5 ? 1 : 0)}"));
            }

            string path = File("scales.csv", string.Join("\n", lines) + "\n");
            string ck = Path.Combine(_directory, "normalized.safetensors");
            var normalized = Cli.Run("train", "--data", path, "--normalize", "--epochs", "5", "--quiet", "--save", ck);
            Assert.True(normalized.Exit == 0, normalized.Err);
            Standardization? kept = Checkpoint.ReadStandardization(ck);
            Assert.NotNull(kept);
            Assert.InRange(kept!.Mean[0], 4000f, 6000f);

            var resumed = Cli.Run("train", "--data", path, "--resume", ck, "--epochs", "6", "--quiet");
            Assert.True(resumed.Exit == 0, resumed.Err);
            Assert.StartsWith("Trained 6 epochs", resumed.Out, StringComparison.Ordinal);

            string raw = Path.Combine(_directory, "raw.safetensors");
            Assert.Equal(0, Cli.Run("train", "--data", path, "--epochs", "1", "--quiet", "--save", raw).Exit);
            var mixed = Cli.Run("train", "--data", path, "--resume", raw, "--normalize", "--epochs", "2");
            Assert.Equal(2, mixed.Exit);
            Assert.Contains("trained on raw features", mixed.Err);
        }

        [Fact]
        public void ComparisonPlotsAreValidPngs()
        {
            var settings = new TutorialSettings { Seeds = 2, TrainSamples = 200, TestSamples = 50, Epochs = 3, LongEpochs = 8 };
            TutorialResults results = Tutorial.Run(Schedule.Parse(Tutorial.ScheduleText), settings, TextWriter.Null);
            (string loss, string rate) = ComparisonPlots.WritePlots(results.Schedules, _directory, "schedules", "Larger base rate");
            Png.AssertValid(loss);
            Png.AssertValid(rate);
        }
    }
}
