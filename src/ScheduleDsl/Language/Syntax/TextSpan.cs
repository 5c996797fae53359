namespace ScheduleDsl.Language
{
    /// <summary>A 0-based offset and length in the schedule text.</summary>
    internal readonly struct TextSpan
    {
        public TextSpan(int offset, int length)
        {
            Offset = offset;
            Length = length;
        }

        public int Offset { get; }

        public int Length { get; }

        public int End => Offset + Length;

        public static TextSpan FromBounds(int start, int end) => new TextSpan(start, end - start);
    }
}
