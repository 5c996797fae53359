namespace ScheduleDsl.Language.Model
{
    /// <summary>A number as written in the text, with where it was written.</summary>
    internal readonly struct Written
    {
        public Written(double value, TextSpan span)
            : this(value, span, value == System.Math.Floor(value))
        {
        }

        public Written(double value, TextSpan span, bool isWhole, string? text = null, long? epochs = null)
        {
            Value = value;
            Span = span;
            IsWhole = isWhole;
            Text = text;
            Epochs = epochs;
        }

        /// <summary>For a length written <c>K epochs</c> in a per-step schedule: K (the value is K × steps per epoch); else null.</summary>
        public long? Epochs { get; }

        /// <summary>The characters as written, where the number came from the text.</summary>
        public string? Text { get; }

        /// <summary>Whether the digits as written stand for a whole number (not only the nearest double).</summary>
        public bool IsWhole { get; }

        public double Value { get; }

        public TextSpan Span { get; }

        public long AsLong => (long)Value;
    }
}
