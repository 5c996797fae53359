using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>Small things a user meets at once: help, near-miss names, where a bad schedule came from, how numbers read.</summary>
    public sealed class UsabilityTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-cli-usability-" + Guid.NewGuid().ToString("N"));

        public UsabilityTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void HelpWorksAsACommand()
        {
            (int exit, string output, string error) = Cli.Run("help");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            Assert.Contains("Commands:", output);
            (int evalExit, string evalHelp, _) = Cli.Run("help", "eval");
            Assert.Equal(0, evalExit);
            Assert.Contains("Print the values of a schedule.", evalHelp);
        }

        [Theory]
        [InlineData("--optimizer", "adamm", "did you mean 'adam'?")]
        [InlineData("--loss", "cse", "did you mean 'cce'?")]
        [InlineData("--activation", "rleu", "did you mean 'relu'?")]
        public void ANearMissNameGetsASuggestion(string option, string value, string suggestion)
        {
            (int exit, _, string error) = Cli.Run("train", "--tutorial-data", "--epochs", "1", option, value);
            Assert.Equal(2, exit);
            Assert.Contains(suggestion, error);
        }

        [Fact]
        public void AnInvalidScheduleInAFileIsNamedByItsLine()
        {
            string file = Path.Combine(_directory, "schedules.txt");
            File.WriteAllText(file, "# arms\nconstant\n\nstepp 0.5 every 2\n");
            (int exit, _, string error) = Cli.Run("compare", "--tutorial-data", "--schedules-file", file, "-o", _directory);
            Assert.Equal(2, exit);
            Assert.StartsWith("error: " + file + ":4: the schedule is not valid", error);
        }

        [Fact]
        public void SmallRatesReadAsPythonPrintsThem()
        {
            (int exit, string output, _) = Cli.Run("eval", "lr 1e-4: exp 0.5 every 1", "--steps", "2");
            Assert.Equal(0, exit);
            Assert.Contains("    1  5e-05", output.Replace("\r", string.Empty));
            (_, string epochs, _) = Cli.Run("train", "--tutorial-data", "--epochs", "1", "--schedule", "lr 7.63174e-5: constant");
            Assert.Contains("lr: 7.6317e-05", epochs);
        }

        [Theory]
        [InlineData("train", "--tutorial-data", "--epochs", "1", "--schedule", "lr 0.1: constant", "--lr", "0.5")]
        [InlineData("eval", "lr 0.1: constant", "--base-lr", "2")]
        [InlineData("plot", "lr 0.1: constant", "--base-lr", "2", "-o", "OUT")]
        public void ARateOptionThatAnAbsoluteScheduleWouldOverrideIsRefused(params string[] args)
        {
            args = System.Array.ConvertAll(args, a => a == "OUT" ? Path.Combine(_directory, "p.png") : a);
            (int exit, _, string error) = Cli.Run(args);
            Assert.Equal(2, exit);
            Assert.Contains("this one is absolute (its 'lr X:' header gives the rates)", error);
        }

        [Fact]
        public void ARateOptionWithAFactorScheduleStillApplies()
        {
            (int exit, string output, _) = Cli.Run("eval", "step 0.5 every 1", "--base-lr", "2", "--steps", "2", "--format", "csv");
            Assert.Equal(0, exit);
            Assert.Equal("t,value\n0,2\n1,1\n", output.Replace("\r", string.Empty));
            (int findExit, _, string findError) = Cli.Run("find-lr", "--tutorial-data", "--lr", "0.1", "-o", Path.Combine(_directory, "f.png"));
            Assert.Equal(2, findExit);
            Assert.Contains("--lr would be ignored", findError);
        }

        [Fact]
        public void CompareWithoutATestFileSaysItsTestColumnsAreTrainingData()
        {
            string csv = Path.Combine(_directory, "data.csv");
            File.WriteAllText(csv, "a,b,label\n0.1,0.2,0\n0.3,0.1,1\n0.5,0.9,0\n0.7,0.3,1\n0.2,0.8,0\n0.9,0.1,1\n");
            (int exit, string output, _) = Cli.Run("compare", "--data", csv, "--schedule", "constant", "--schedule", "step 0.5 every 1", "--epochs", "2", "--seeds", "2", "--batch", "2", "-o", _directory);
            Assert.Equal(0, exit);
            Assert.Contains("No --test file was given, so the test columns are measured on the training data", output);
        }

        [Fact]
        public void TheDefaultsLearnATypicalTabularTaskAndTheTutorialKeepsItsOwn()
        {
            // Three Gaussian classes in eight features, unit spread, centres 2.5 apart: a first `train --data` with no
            // other option must learn it (the tutorial's 9,9,9 / SGD 0.01 / 10 epochs / batch 50 reached 68% on data like this).
            var random = new Random(5);
            string Write(string name, int rows)
            {
                var text = new System.Text.StringBuilder(string.Join(",", System.Linq.Enumerable.Range(0, 8).Select(f => "f" + f)) + ",label\n");
                for (int i = 0; i < rows; i++)
                {
                    int label = i % 3;
                    for (int f = 0; f < 8; f++)
                    {
                        double centre = f % 3 == label ? 2.5 : 0;
                        double gauss = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                        text.Append((centre + gauss).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append(',');
                    }

                    text.Append(label).Append('\n');
                }

                string path = Path.Combine(_directory, name);
                File.WriteAllText(path, text.ToString());
                return path;
            }

            string train = Write("train.csv", 600);
            string test = Write("test.csv", 300);
            (int exit, string output, _) = Cli.Run("train", "--data", train, "--test", test, "--quiet");
            Assert.Equal(0, exit);
            System.Text.RegularExpressions.Match accuracy = System.Text.RegularExpressions.Regex.Match(output, @"Trained 50 epochs: .*test accuracy ([0-9.]+)%");
            Assert.True(accuracy.Success, output);
            Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 90, output);
            (_, string tutorial, _) = Cli.Run("train", "--tutorial-data");
            Assert.Contains("Epoch 10/10", tutorial);
            Assert.Contains("lr: 0.01", tutorial);
            Assert.DoesNotContain("Epoch 11/", tutorial);
        }

        [Fact]
        public void CompareShowsEverySeedWhenAsked()
        {
            (int exit, string output, _) = Cli.Run("compare", "--tutorial-data", "--schedule", "constant", "--schedule", "step 0.5 every 1", "--epochs", "2", "--seeds", "3", "--per-seed", "-o", _directory);
            Assert.Equal(0, exit);
            Assert.Contains("arm              | seed | test loss | test accuracy | final training loss", output);
            Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(output, @"\n(constant|step 0\.5 every 1) +\| +[0-2] \| [0-9.]+ +\| [0-9.]+% +\| [0-9.]+").Count);
        }

        [Fact]
        public void AStepOfOneReadsEveryEpoch()
        {
            (_, string output, _) = Cli.Run("explain", "step 0.5 every 1");
            Assert.Contains("by 0.5 every epoch (PyTorch StepLR)", output);
        }
    }
}
