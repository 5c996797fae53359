using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>find-lr suggests rates inside the sweep (the descent finder itself is tested with the library).</summary>
    public sealed class FindLrTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-findlr-" + Guid.NewGuid().ToString("N"));

        public FindLrTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

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
