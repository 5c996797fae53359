namespace ScheduleDsl
{
    /// <summary>
    /// A change to a schedule text that fixes a diagnostic: replace <see cref="Length"/> characters at <see cref="Offset"/>
    /// with <see cref="NewText"/> (an insertion when the length is 0). Editors apply it as a code fix.
    /// </summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    sealed class ScheduleTextEdit
    {
        /// <summary>An edit of the text.</summary>
        public ScheduleTextEdit(int offset, int length, string newText, string title)
        {
            Offset = offset;
            Length = length;
            NewText = newText ?? throw new System.ArgumentNullException(nameof(newText));
            Title = title ?? throw new System.ArgumentNullException(nameof(title));
        }

        /// <summary>Where the replaced characters start: a 0-based offset into the text.</summary>
        public int Offset { get; }

        /// <summary>How many characters are replaced; 0 for an insertion.</summary>
        public int Length { get; }

        /// <summary>The text written in their place.</summary>
        public string NewText { get; }

        /// <summary>What the edit does, as a code fix names it: <c>Start the warmup at 0.001</c>.</summary>
        public string Title { get; }
    }
}
