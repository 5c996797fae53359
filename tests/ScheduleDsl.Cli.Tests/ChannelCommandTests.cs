using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>The commands show and apply every channel: <c>eval --channel</c>, <c>explain</c>, <c>plot</c>, <c>train</c>.</summary>
    public sealed class ChannelCommandTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-channel-cli-" + Guid.NewGuid().ToString("N"));

        public ChannelCommandTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Theory]
        [InlineData("lr 0.1 per step: onecycle 0.1 over 100 momentum", "momentum")]
        [InlineData("lr 0.1: constant; weight-decay: linear 10 to 0", "weight-decay")]
        [InlineData("weight-decay 0.04: cosine 100 to 0.4", "weight-decay")]
        [InlineData("momentum 0.9: constant", "lr")]
        public void EvalPrintsTheChannelsValuesAsJson(string text, string channel)
        {
            var (exit, output, error) = Cli.Run("eval", text, "--channel", channel, "--steps", "120", "--format", "json");
            Assert.True(exit == 0, error);
            var schedule = (IHyperparameterSchedule)Schedule.Parse(text);
            Assert.True(ChannelNames.TryParse(channel, out ScheduleChannel parsed));
            Assert.Equal(Enumerable.Range(0, 120).Select(t => schedule.At(parsed, t)).ToArray(), JsonSerializer.Deserialize<double[]>(output)!);
        }

        [Fact]
        public void EvalNamesTheChannelAndRefusesOneTheTextDoesNotSchedule()
        {
            var (_, table, _) = Cli.Run("eval", "lr 0.1: constant; weight-decay: linear 4 to 0", "--channel", "weight-decay", "--steps", "3");
            Assert.Equal("epoch  weight-decay (factor of the optimizer's)\n    0  1\n    1  0.75\n    2  0.5\n", table);
            var (exit, _, error) = Cli.Run("eval", "lr 0.1: constant", "--channel", "momentum");
            Assert.Equal(2, exit);
            Assert.Contains("does not schedule the momentum", error);
            Assert.Equal(2, Cli.Run("eval", "lr 0.1: constant; momentum 0.9: constant", "--channel", "beta1").Exit);
            Assert.Contains("--base-lr scales the learning rate only", Cli.Run("eval", "step 0.5 every 1; momentum: constant", "--channel", "momentum", "--base-lr", "0.1").Err);
        }

        [Fact]
        public void ExplainShowsEveryChannel()
        {
            var (exit, output, _) = Cli.Run("explain", "lr 0.1 per step: warmup linear 10 from 0.01 -> onecycle 0.1 over 100 momentum; weight-decay 0.01: constant");
            Assert.Equal(0, exit);
            Assert.Contains("Learning rate:\n", output);
            Assert.Contains("Weight decay:\n", output);
            Assert.Contains("Momentum (from the 'momentum' option):\n", output);
            Assert.Contains("Hold the momentum at 0.95", output);
            Assert.Contains("down from 0.95 to 0.85 while it rises", output);
        }

        [Fact]
        public void ACustomFunctionIsExplainedCheckedAndGeneratedButNotEvaluated()
        {
            const string text = "lr 0.1: warmup linear 3 from 0.01 -> custom myDecay";
            var (exit, output, _) = Cli.Run("explain", text);
            Assert.Equal(0, exit);
            Assert.Contains("the user's function myDecay", output);
            Assert.Contains("Not plotted", output);
            Assert.Equal(0, Cli.Run("check", text).Exit);
            Assert.Contains("private partial double myDecay(long t, double level);", Cli.Run("generate", text).Out);
            var (evalExit, _, error) = Cli.Run("eval", text);
            Assert.Equal(2, evalExit);
            Assert.Contains("LRS0012", error);
            Assert.Contains("runs only in code", error);
        }

        [Fact]
        public void PlotDrawsEveryChannel()
        {
            string path = Path.Combine(_directory, "channels.png");
            var (exit, output, error) = Cli.Run("plot", "lr 0.1 per step: onecycle 0.1 over 1000 momentum; weight-decay 0.01: cosine 1000 to 0.1", "--steps", "1000", "-o", path);
            Assert.True(exit == 0, error);
            Assert.Contains("Wrote", output);
            Png.AssertValid(path);
        }

        [Fact]
        public void TrainAppliesTheChannelsAndRefusesAnOptimizerWithoutMomentum()
        {
            string history = Path.Combine(_directory, "history.json");
            var (exit, _, error) = Cli.Run(
                "train", "--tutorial-data", "--epochs", "2", "--optimizer", "momentum", "--quiet", "--history-json", history,
                "--schedule", "lr 0.05 per step: onecycle 0.05 over 40 momentum; weight-decay 1e-4: constant");
            Assert.True(exit == 0, error);
            Assert.True(File.Exists(history));
            var (refused, _, message) = Cli.Run("train", "--tutorial-data", "--epochs", "1", "--optimizer", "adagrad", "--quiet", "--schedule", "momentum 0.9: constant");
            Assert.NotEqual(0, refused);
            Assert.Contains("has no momentum to schedule", message);
        }
    }
}
