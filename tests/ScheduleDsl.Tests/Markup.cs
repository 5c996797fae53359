namespace ScheduleDsl.Tests
{
    /// <summary>Text with one span marked as <c>[|…|]</c>: the plain text, and the span's offset and length.</summary>
    internal static class Markup
    {
        public static (string Text, int Offset, int Length) Parse(string markup)
        {
            int start = markup.IndexOf("[|", System.StringComparison.Ordinal);
            int end = markup.IndexOf("|]", System.StringComparison.Ordinal);
            string text = markup.Substring(0, start) + markup.Substring(start + 2, end - start - 2) + markup.Substring(end + 2);
            return (text, start, end - start - 2);
        }
    }
}
