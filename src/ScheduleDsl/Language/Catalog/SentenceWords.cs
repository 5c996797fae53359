using System.Collections.Generic;
using System.Globalization;

namespace ScheduleDsl.Language
{
    /// <summary>How the time unit reads in sentences: "epoch"/"epochs" or "step"/"steps".</summary>
    internal readonly struct TimeWords
    {
        public TimeWords(string singular, string plural, long stepsPerEpoch = 0)
        {
            Singular = singular;
            Plural = plural;
            StepsPerEpoch = stepsPerEpoch;
        }

        /// <summary>In a per-step schedule with <c>steps-per-epoch N</c>: N, so counts of whole epochs are said in both units; else 0.</summary>
        public long StepsPerEpoch { get; }

        public static TimeWords Epochs => new TimeWords("epoch", "epochs");

        public static TimeWords Steps => new TimeWords("step", "steps");

        public string Singular { get; }

        public string Plural { get; }
    }

    /// <summary>The phrases kernel sentences are built from: levels, counts and numbers, written the same way for every kernel.</summary>
    internal readonly struct SentenceWords
    {
        public SentenceWords(double? level, TimeWords time)
        {
            IncomingLevel = level;
            Time = time;
        }

        public double? IncomingLevel { get; }

        public TimeWords Time { get; }

        /// <summary>The incoming level as a number when known before training, else "the incoming level".</summary>
        public string Level => Of(IncomingLevel);

        public static string Of(double? level) => level is double known ? N(known) : "the incoming level";

        public static string N(double value) => NumberText.Tidy(value.ToString("G6", CultureInfo.InvariantCulture));

        public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>"1 epoch", "5 epochs"; in steps, a whole number of epochs in both units: "5 epochs (1950 steps)".</summary>
        public string Count(long n)
        {
            string count = Int(n) + " " + (n == 1 ? Time.Singular : Time.Plural);
            long perEpoch = Time.StepsPerEpoch;
            return perEpoch > 0 && n > 0 && n % perEpoch == 0 ? Int(n / perEpoch) + (n == perEpoch ? " epoch (" : " epochs (") + count + ")" : count;
        }

        /// <summary>"epoch" rather than "1 epoch" (as in "every epoch"); "2 epochs" otherwise.</summary>
        public string Every(long n) => n == 1 ? Time.Singular : Count(n);

        public static string JoinAnd(List<string> items) =>
            items.Count <= 1 ? string.Join(string.Empty, items) : string.Join(", ", items.GetRange(0, items.Count - 1)) + " and " + items[items.Count - 1];
    }
}
