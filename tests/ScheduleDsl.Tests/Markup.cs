namespace ScheduleDsl.Tests
{
    /// <summary>Text with spans marked as <c>[|…|]</c>: the plain text, and the spans' offsets and lengths.</summary>
    internal static class Markup
    {
        public static (string Text, int Offset, int Length) Parse(string markup)
        {
            int start = markup.IndexOf("[|", System.StringComparison.Ordinal);
            int end = markup.IndexOf("|]", System.StringComparison.Ordinal);
            string text = markup.Substring(0, start) + markup.Substring(start + 2, end - start - 2) + markup.Substring(end + 2);
            return (text, start, end - start - 2);
        }

        /// <summary>Text with any number of <c>[|…|]</c> spans, in order.</summary>
        public static (string Text, System.Collections.Generic.IReadOnlyList<(int Offset, int Length)> Spans) ParseAll(string markup)
        {
            var spans = new System.Collections.Generic.List<(int Offset, int Length)>();
            var text = new System.Text.StringBuilder();
            int position = 0;
            while (true)
            {
                int start = markup.IndexOf("[|", position, System.StringComparison.Ordinal);
                if (start < 0)
                {
                    text.Append(markup, position, markup.Length - position);
                    return (text.ToString(), spans);
                }

                int end = markup.IndexOf("|]", start, System.StringComparison.Ordinal);
                text.Append(markup, position, start - position);
                spans.Add((text.Length, end - start - 2));
                text.Append(markup, start + 2, end - start - 2);
                position = end + 2;
            }
        }
    }
}
