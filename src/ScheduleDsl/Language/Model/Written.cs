namespace ScheduleDsl.Language.Model
{
    /// <summary>A number as written in the text, with where it was written.</summary>
    internal readonly struct Written
    {
        public Written(double value, TextSpan span)
        {
            Value = value;
            Span = span;
        }

        public double Value { get; }

        public TextSpan Span { get; }

        public long AsLong => (long)Value;
    }
}
