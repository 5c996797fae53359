using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary><c>schedule eval</c>, <c>check</c> and <c>explain</c>: output and exit codes.</summary>
    public class LanguageCommandTests
    {
        [Fact]
        public void EvalPrintsTheTutorialScheduleAsATable()
        {
            var (exit, output, error) = Cli.Run("eval", "lr 1e-2: step 0.8 every 2", "--steps", "6");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            Assert.Equal("epoch  rate\n    0  0.01\n    1  0.01\n    2  0.008\n    3  0.008\n    4  0.0064\n    5  0.0064\n", output);
        }

        [Fact]
        public void EvalJsonIsExactlyOneArrayOfRoundTripNumbers()
        {
            var (exit, output, _) = Cli.Run("eval", "lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5", "--steps", "600", "--format", "json");
            Assert.Equal(0, exit);
            double[] values = JsonSerializer.Deserialize<double[]>(output)!;
            Assert.Equal(600, values.Length);
            ILearningRateSchedule schedule = Schedule.Parse("lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5");
            Assert.Equal(Enumerable.Range(0, 600).Select(t => schedule.At(t)).ToArray(), values);
        }

        [Fact]
        public void EvalDefaultsToTwentyValuesAndScalesFactorsByTheBaseRate()
        {
            var (exit, output, _) = Cli.Run("eval", "step 0.5 every 1", "--base-lr", "0.2", "--format", "csv");
            Assert.Equal(0, exit);
            string[] lines = output.TrimEnd('\n').Split('\n');
            Assert.Equal("t,value", lines[0]);
            Assert.Equal(21, lines.Length);
            Assert.Equal("1,0.1", lines[2]);
        }

        [Fact]
        public void EvalWithMetricsDrivesAPlateau()
        {
            var (exit, output, _) = Cli.Run("eval", "lr 0.1: plateau factor 0.5 patience 1", "--steps", "5", "--metrics", "1,1,1,1", "--format", "json");
            Assert.Equal(0, exit);
            Assert.Equal("[0.1,0.1,0.1,0.05,0.05]\n", output);
        }

        [Theory]
        [InlineData("--steps", "0")]
        [InlineData("--base-lr", "-1")]
        [InlineData("--format", "xml")]
        [InlineData("--metrics", "1,x")]
        [InlineData("--bogus", "1")]
        public void EvalUsageErrorsExitWithTwo(string option, string value)
        {
            var (exit, output, error) = Cli.Run("eval", "plateau factor 0.5 patience 1", option, value);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("error: ", error);
            Assert.DoesNotContain("   at ", error);
        }

        [Fact]
        public void EvalRejectsMetricsForASchedulesWithoutPlateau()
        {
            var (exit, _, error) = Cli.Run("eval", "step 0.5 every 1", "--metrics", "1,2");
            Assert.Equal(2, exit);
            Assert.Contains("plateau", error);
        }

        [Fact]
        public void EvalOfAnInvalidSchedulePrintsCaretsAndExitsWithTwo()
        {
            var (exit, output, error) = Cli.Run("eval", "step 0.8 evry 2");
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Contains("LRS0002 error (line 1, column 10): Unknown word 'evry'; did you mean 'every'?\n  step 0.8 evry 2\n           ^^^^", error);
        }

        [Fact]
        public void CheckOfAValidScheduleExitsWithZeroAndPrintsInfos()
        {
            var (exit, output, _) = Cli.Run("check", "warmup linear 5 -> step 0.8 every 2");
            Assert.Equal(0, exit);
            Assert.Contains("LRS0009 info", output);
            Assert.Contains("OK: warmup linear 5 -> step 0.8 every 2", output);
        }

        [Fact]
        public void CheckOfAnInvalidSchedulePrintsEveryErrorAndExitsWithOne()
        {
            var (exit, _, error) = Cli.Run("check", "warmup linear 5 -> stpe 0.8 every 2 -> cosine 0");
            Assert.Equal(1, exit);
            Assert.Contains("LRS0002 error (line 1, column 20): Unknown word 'stpe'; did you mean 'step'?\n  warmup linear 5 -> stpe 0.8 every 2 -> cosine 0\n                     ^^^^", error);
            Assert.Contains("LRS0004 error", error);
        }

        [Fact]
        public void CheckWithoutTextIsAUsageError()
        {
            var (exit, _, error) = Cli.Run("check");
            Assert.Equal(2, exit);
            Assert.StartsWith("error: ", error);
        }

        [Fact]
        public void ExplainPrintsOneSentencePerPhaseAndAPlot()
        {
            var (exit, output, _) = Cli.Run("explain", "per step: warmup linear 500 -> cosine 9500 to 1e-5");
            Assert.Equal(0, exit);
            Assert.Contains("1. [t 0–499] Warm up linearly from 0 to 1 over 500 steps.", output);
            Assert.Contains("2. [t 500–9999] Anneal along a half cosine from 1 to 1e-5 over 9500 steps.", output);
            Assert.Contains("•", output);
            Assert.Contains("└", output);
        }

        /// <summary>A 500-step warmup before 9500 steps of decay is three columns of the main plot: it gets its own.</summary>
        [Fact]
        public void ExplainPlotsAShortPhaseAgainUpClose()
        {
            var (exit, output, _) = Cli.Run("explain", "lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5");
            Assert.Equal(0, exit);
            Assert.Contains("Phase 1 [t 0–499] up close:", output);
            Assert.Contains("499 step", output);
            Assert.DoesNotContain("Phase 2 [", output);
            Assert.Contains("1e-5 │", output);
            Assert.DoesNotContain("up close", Cli.Run("explain", "warmup linear 5 -> cosine 20").Out);
        }

        [Fact]
        public void ExplainOfAnInvalidScheduleExitsWithTwo()
        {
            var (exit, _, error) = Cli.Run("explain", "cosine");
            Assert.Equal(2, exit);
            Assert.Contains("LRS0001", error);
        }

        [Fact]
        public void ExplainSentencesCoverEveryExampleOfTheContract()
        {
            string[] examples =
            {
                "lr 0.006 per step: cyclic triangular2 0.001 to 0.006 up 2000",
                "lr 0.1 per step: onecycle 0.1 over 10000",
                "lr 0.05: restarts 10 mult 2 decay 0.5 to 1e-4",
                "lr 0.1: warmup linear 3 from 0.01 -> plateau factor 0.5 patience 2 cooldown 1 floor 1e-5",
                "(step 0.5 every 30) * (cyclic 0.9 to 1.1 up 5)",
                "lr 3e-4 per step: warmup linear 2000 -> constant for 80000 -> linear 18000 to 3e-5",
            };
            foreach (string example in examples)
            {
                var (exit, output, _) = Cli.Run("explain", example, "--steps", "50");
                Assert.Equal(0, exit);
                Assert.Contains("1. [t ", output);
                Assert.DoesNotContain("  at ", output);
            }

            Assert.Contains("Cycle between 0.001 and 0.006, rising over 2000 steps and falling over 2000 steps, the height halving every cycle (PyTorch CyclicLR).", Cli.Run("explain", examples[0]).Out);
            Assert.Contains("Start at 0.1 and multiply it by 0.5 when the metric has not fallen by a relative 0.0001 for more than 2 epochs, then wait 1 epoch, never below 1e-5 (PyTorch ReduceLROnPlateau).", Cli.Run("explain", examples[3]).Out);
        }
    }
}
