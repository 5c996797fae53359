using System;
using System.IO;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The tutorial's experiment as a library call: both comparisons, reduced, with the report the sample prints.</summary>
    public sealed class TutorialTests
    {
        [Fact]
        public void TheExperimentRunsReducedAndReports()
        {
            var settings = new TutorialSettings { Seeds = 2, TrainSamples = 200, TestSamples = 50, Epochs = 3, LongEpochs = 8 };
            var output = new StringWriter();
            TutorialResults results = Tutorial.Run(Schedule.Parse("lr 1e-2: step 0.8 every 2"), settings, output);
            string text = output.ToString();
            Assert.Contains("epoch | constant 0.01", text);
            Assert.Contains("Against constant 0.01, step decay gave", text);
            Assert.Contains("Where schedules matter", text);
            Assert.Contains("Lowest mean test loss:", text);
            Assert.Equal(2, results.Tutorial.Count);
            Assert.Equal(5, results.Schedules.Count);
            Assert.All(results.Schedules, r => Assert.Equal(2, r.Runs.Count));
            Assert.Throws<ArgumentException>(() => Tutorial.Run(Schedule.Parse("constant"), settings, output));
        }
    }
}
