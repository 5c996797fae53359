using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using ScheduleDsl.Training;

namespace ScheduleDsl.Cli
{
    /// <summary>
    /// The progress a person watches in a terminal: a bar for the batches of the current epoch, redrawn in place on the
    /// error stream (at most ten times a second, so it never slows a fast run), and erased before every line the run
    /// prints, so each epoch line stands alone. When either stream is redirected nothing is drawn and the lines are
    /// plain.
    /// </summary>
    internal sealed class LiveProgress : IBatchCallback
    {
        private const int Width = 30;
        private static readonly long RedrawTicks = Stopwatch.Frequency / 10;

        private readonly TextWriter _bar;
        private readonly int _batchesPerEpoch;
        private readonly int _epochs;
        private readonly string _label;
        private long _lastDraw;
        private bool _drawn;

        internal LiveProgress(TextWriter bar, TextWriter lines, int batchesPerEpoch, int epochs, string label = "")
        {
            _bar = bar;
            _batchesPerEpoch = Math.Max(1, batchesPerEpoch);
            _epochs = epochs;
            _label = label;
            Lines = new ErasingWriter(this, lines);
        }

        /// <summary>Where the run's own lines go: each erases the bar first.</summary>
        public TextWriter Lines { get; }

        /// <summary>A live display when both streams are the process's own terminal, else null (plain lines only).</summary>
        public static LiveProgress? ForTerminal(TextWriter output, TextWriter error, int batchesPerEpoch, int epochs, string label = "")
        {
            bool terminal = ReferenceEquals(output, Console.Out) && ReferenceEquals(error, Console.Error)
                && !Console.IsOutputRedirected && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";
            return terminal ? new LiveProgress(error, output, batchesPerEpoch, epochs, label) : null;
        }

        public bool AfterBatch(long step, double rate, double loss, out string? reason)
        {
            reason = null;
            long now = Stopwatch.GetTimestamp();
            if (now - _lastDraw < RedrawTicks)
            {
                return true;
            }

            _lastDraw = now;
            long epoch = step / _batchesPerEpoch;
            long batch = step % _batchesPerEpoch + 1;
            int done = (int)(Width * batch / _batchesPerEpoch);
            var line = new StringBuilder("\r");
            line.Append(_label);
            line.Append('[').Append('█', done).Append('░', Width - done).Append("] epoch ");
            line.Append((epoch + 1).ToString(CultureInfo.InvariantCulture)).Append('/').Append(_epochs.ToString(CultureInfo.InvariantCulture));
            line.Append("  batch ").Append(batch.ToString(CultureInfo.InvariantCulture)).Append('/').Append(_batchesPerEpoch.ToString(CultureInfo.InvariantCulture));
            line.Append("  loss ").Append(loss.ToString("0.0000", CultureInfo.InvariantCulture)).Append("\u001b[K");
            _bar.Write(line.ToString());
            _bar.Flush();
            _drawn = true;
            return true;
        }

        /// <summary>Shows how many of <paramref name="total"/> training runs are done (for commands that run many), and which ended last.</summary>
        public void Runs(int done, int total, string last)
        {
            int filled = (int)((long)Width * done / Math.Max(1, total));
            _bar.Write("\r[" + new string('█', filled) + new string('░', Width - filled) + "] run " + done.ToString(CultureInfo.InvariantCulture) + "/"
                + total.ToString(CultureInfo.InvariantCulture) + "  (last: " + last + ")\u001b[K");
            _bar.Flush();
            _drawn = true;
        }

        /// <summary>Removes the bar, leaving the cursor at the start of an empty line.</summary>
        public void Erase()
        {
            if (_drawn)
            {
                _bar.Write("\r\u001b[K");
                _bar.Flush();
                _drawn = false;
            }
        }

        private sealed class ErasingWriter : TextWriter
        {
            private readonly LiveProgress _progress;
            private readonly TextWriter _inner;

            public ErasingWriter(LiveProgress progress, TextWriter inner)
            {
                _progress = progress;
                _inner = inner;
            }

            public override Encoding Encoding => _inner.Encoding;

            public override void Write(char value)
            {
                _progress.Erase();
                _inner.Write(value);
            }

            public override void Write(string? value)
            {
                _progress.Erase();
                _inner.Write(value);
            }

            public override void WriteLine(string? value)
            {
                _progress.Erase();
                _inner.WriteLine(value);
            }

            public override void Flush() => _inner.Flush();
        }
    }
}
