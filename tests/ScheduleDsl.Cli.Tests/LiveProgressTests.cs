using System.IO;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>The terminal progress: drawn in place on the error stream, erased before every line the run prints.</summary>
    public class LiveProgressTests
    {
        [Fact]
        public void TheBarIsErasedBeforeEachEpochLine()
        {
            var bar = new StringWriter();
            var lines = new StringWriter { NewLine = "\n" };
            var live = new LiveProgress(bar, lines, batchesPerEpoch: 4, epochs: 2);
            Assert.True(live.AfterBatch(step: 1, rate: 0.1, loss: 1.2345, out string? reason));
            Assert.Null(reason);
            Assert.Equal("\r[" + new string('█', 15) + new string('░', 15) + "] epoch 1/2  batch 2/4  loss 1.2345\u001b[K", bar.ToString());
            live.Lines.WriteLine("Epoch 1/2 - loss 1.2");
            Assert.EndsWith("\r\u001b[K", bar.ToString());
            Assert.Equal("Epoch 1/2 - loss 1.2\n", lines.ToString());
            live.Lines.WriteLine("Epoch 2/2 - loss 1.1");
            Assert.Equal(1, CountErases(bar.ToString()));
        }

        [Fact]
        public void RedirectedOutputGetsNoBar()
        {
            Assert.Null(LiveProgress.ForTerminal(new StringWriter(), new StringWriter(), 4, 2));
        }

        [Fact]
        public void RunsShowHowManyAreDone()
        {
            var bar = new StringWriter();
            var live = new LiveProgress(bar, new StringWriter(), 1, 1);
            live.Runs(1, 4, "constant, seed 0");
            Assert.Contains("] run 1/4  (last: constant, seed 0)", bar.ToString());
        }

        private static int CountErases(string text) => text.Split("\r\u001b[K").Length - 1;
    }
}
