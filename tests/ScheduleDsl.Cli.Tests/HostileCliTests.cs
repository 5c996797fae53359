using System;
using System.Globalization;
using System.IO;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>Bad paths, huge counts, other locales and diverging runs: one-line errors and honest reports, never a stack trace.</summary>
    public sealed class HostileCliTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-cli-hostile-" + Guid.NewGuid().ToString("N"));

        public HostileCliTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void ACrashingTextOnceIsNowAnError()
        {
            (int exit, _, string err) = Cli.Run("eval", "(constant -> constant) for 2 -> constant");
            Assert.Equal(2, exit);
            Assert.Contains("LRS0005", err);
        }

        [Fact]
        public void NumbersAreReadInTheInvariantCultureUnderACommaDecimalLocale()
        {
            CultureInfo original = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
                (int exit, string output, _) = Cli.Run("eval", "step 0.5 every 1", "--steps", "2", "--base-lr", "0.05", "--format", "csv");
                Assert.Equal(0, exit);
                Assert.Equal("t,value\n0,0.05\n1,0.025\n", output.Replace("\r", string.Empty));
                (int bad, _, string err) = Cli.Run("eval", "constant", "--base-lr", "0,05");
                Assert.Equal(2, bad);
                Assert.Contains("--base-lr takes a finite number written with a '.'", err);
                Assert.Equal(CultureInfo.GetCultureInfo("de-DE"), CultureInfo.CurrentCulture);
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
            }
        }

        [Theory]
        [InlineData("plot", "constant", "-o", "")]
        [InlineData("plot", "constant", "-o", "DIR")]
        [InlineData("plot", "constant", "-o", "/proc/version")]
        [InlineData("train", "--tutorial-data", "--epochs", "1", "--save", "DIR")]
        [InlineData("train", "--tutorial-data", "--epochs", "1", "--history-json", "/proc/version")]
        public void UnwritableOutputsAreOneLineErrorsBeforeTheWork(params string[] args)
        {
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = args[i] == "DIR" ? _directory : args[i];
            }

            (int exit, string output, string err) = Cli.Run(args);
            Assert.Equal(2, exit);
            Assert.StartsWith("error: ", err);
            Assert.DoesNotContain("   at ", err);
            Assert.DoesNotContain("Epoch 1", output);
        }

        [Fact]
        public void HistoryGoesIntoAFolderThatDoesNotExistYet()
        {
            string json = Path.Combine(_directory, "new", "folder", "history.json");
            (int exit, _, _) = Cli.Run("train", "--tutorial-data", "--epochs", "1", "--quiet", "--history-json", json);
            Assert.Equal(0, exit);
            Assert.True(File.Exists(json));
        }

        [Fact]
        public void EvalStreamsAndHugeCountsAreBoundedElsewhere()
        {
            var sink = new CountingWriter();
            int exit = CliApp.Run(new[] { "eval", "constant", "--steps", "300000", "--format", "json" }, sink, new StringWriter());
            Assert.Equal(0, exit);
            Assert.True(sink.Writes > 1000, "the values are written as they are computed");
            (int findLr, _, string err) = Cli.Run("find-lr", "--tutorial-data", "--steps", "2147483647");
            Assert.Equal(2, findLr);
            Assert.Contains("--steps must be between 10 and 1000000", err);
        }

        [Fact]
        public void ADivergedRunIsReportedAsDivergedAndNotSaved()
        {
            string save = Path.Combine(_directory, "diverged.safetensors");
            (int exit, string output, string err) = Cli.Run("train", "--tutorial-data", "--epochs", "2", "--lr", "1e30", "--quiet", "--save", save);
            Assert.Equal(3, exit);
            Assert.Contains("training diverged", err);
            Assert.DoesNotContain("Trained", output);
            Assert.False(File.Exists(save));
        }

        [Theory]
        [InlineData("label,x\n1\0,0.5\n", "is not a class index")]
        [InlineData("label,x\n100000000,0.5\n", "at most 9999")]
        [InlineData("label\n1\n2\n", "at least one feature column")]
        public void BadCsvCellsAreNamed(string csv, string message)
        {
            string path = Path.Combine(_directory, "data.csv");
            File.WriteAllText(path, csv);
            (int exit, _, string err) = Cli.Run("train", "--data", path, "--epochs", "1");
            Assert.Equal(2, exit);
            Assert.Contains(message, err);
        }

        [Theory]
        [InlineData("/dev/zero", "the line is longer than 1000000 characters")]
        [InlineData("/dev/full", "the line is longer than 1000000 characters")]
        [InlineData("DIR", "is a folder, not a file")]
        public void AnInputThatIsNotATextFileIsRefused(string path, string message)
        {
            (int exit, _, string err) = Cli.Run("train", "--data", path == "DIR" ? _directory : path, "--epochs", "1");
            Assert.Equal(2, exit);
            Assert.Contains(message, err);
            (int compareExit, _, string compareErr) = Cli.Run("compare", "--tutorial-data", "--schedules-file", path == "DIR" ? _directory : path, "-o", _directory);
            Assert.Equal(2, compareExit);
            Assert.Contains(message, compareErr);
        }

        [Theory]
        [InlineData("2147483647", "3→2147483647→3 has 15,032,385,532 parameters")]
        [InlineData("100000,100000", "3→100000→100000→3 has 10,000,800,003 parameters")]
        public void ANetworkTooLargeToTrainIsRefusedBeforeAllocating(string layers, string message)
        {
            (int exit, _, string err) = Cli.Run("train", "--tutorial-data", "--epochs", "1", "--layers", layers);
            Assert.Equal(2, exit);
            Assert.Contains(message, err);
        }

        [Fact]
        public void AnArgumentStartingWithAtIsNotAResponseFile()
        {
            (int exit, _, string err) = Cli.Run("check", "@constant");
            Assert.Equal(1, exit);
            Assert.Contains("LRS0001", err);
        }

        [Fact]
        public void AKeywordNameIsEscapedInGeneratedCode()
        {
            (int exit, string output, _) = Cli.Run("generate", "constant", "--name", "class");
            Assert.Equal(0, exit);
            Assert.Contains("partial struct @class", output);
        }

        private sealed class CountingWriter : StringWriter
        {
            public int Writes { get; private set; }

            public override void Write(string? value) => Writes++;

            public override void Write(char value) => Writes++;
        }
    }
}
