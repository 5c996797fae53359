using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ScheduleDsl.Cli.Commands;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>The range test finds the descent where it is, not in the noise of the first steps, and suggests rates inside the sweep.</summary>
    public sealed class FindLrTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-findlr-" + Guid.NewGuid().ToString("N"));

        public FindLrTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void TheSteepestDescentOfAKnownCurveIsFoundPastTheNoisyStart()
        {
            // 200 rates from 1e-6 to 10; the loss falls along a logistic curve centred at 1e-2, bottoms out at 1e-1 and
            // blows up after; the first steps dip sharply (one lucky batch), as real sweeps do.
            double[] rates = Enumerable.Range(0, 200).Select(i => 1e-6 * Math.Pow(1e7, i / 199.0)).ToArray();
            double[] loss = rates.Select(r => 2 - 1.5 / (1 + Math.Exp(-3 * (Math.Log10(r) + 2))) + (r > 0.1 ? 5 * (Math.Log10(r) + 1) : 0)).ToArray();
            loss[1] -= 0.5;
            loss[2] -= 0.3;
            int? steepest = FindLrCommand.Steepest(loss, rates);
            Assert.NotNull(steepest);
            double rate = rates[steepest!.Value];
            Assert.True(rate > 5e-3 && rate < 2e-2, "steepest at " + rate.ToString("G3", CultureInfo.InvariantCulture));
        }

        [Fact]
        public void ALossThatNeverFallsHasNoDescent()
        {
            double[] rates = Enumerable.Range(0, 100).Select(i => Math.Pow(10, -6 + i * 0.07)).ToArray();
            Assert.Null(FindLrCommand.Steepest(rates.Select(r => 1.0 + r).ToArray(), rates));
        }

        [Fact]
        public void SuggestionsStayInsideTheSweep()
        {
            (int exit, string output, _) = Cli.Run("find-lr", "--tutorial-data", "--optimizer", "sgd", "-o", Path.Combine(_directory, "f.png"));
            Assert.Equal(0, exit);
            Match cyclic = Regex.Match(output, @"cyclic ([0-9.e-]+) to ([0-9.e-]+) up");
            Assert.True(cyclic.Success, output);
            double low = double.Parse(cyclic.Groups[1].Value, CultureInfo.InvariantCulture);
            double high = double.Parse(cyclic.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.True(low >= 1e-6 && low < high && high < 10, output);
            double steepest = double.Parse(Regex.Match(output, @"steepest descent at rate ([0-9.e-]+)\.").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(steepest > 1e-4, "the steepest descent was found in the first steps' noise: " + output);
        }
    }
}
