namespace ScheduleDsl
{
    /// <summary>How serious a diagnostic is: an error stops the schedule from being used; warnings and infos do not.</summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    enum ScheduleDiagnosticSeverity
    {
        /// <summary>A hint; the schedule is used as written.</summary>
        Info,
        /// <summary>Probably a mistake; the schedule is still used.</summary>
        Warning,
        /// <summary>The schedule cannot be used.</summary>
        Error,
    }

    /// <summary>
    /// A problem in a schedule text: an <c>LRSxxxx</c> ID of the contract, a message that names the offending token and what
    /// was expected, and where (0-based offset and length in the text). The parser produces these directly; the runtime's
    /// API, the command line and the analyzer all show the same ones.
    /// </summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    sealed class ScheduleDiagnostic
    {
        /// <summary>A diagnostic without suggestions.</summary>
        public ScheduleDiagnostic(string id, ScheduleDiagnosticSeverity severity, string message, int offset, int length)
            : this(id, severity, message, offset, length, System.Array.Empty<string>())
        {
        }

        /// <summary>A diagnostic with the words that may replace its span.</summary>
        public ScheduleDiagnostic(string id, ScheduleDiagnosticSeverity severity, string message, int offset, int length, System.Collections.Generic.IReadOnlyList<string> suggestions)
            : this(id, severity, message, offset, length, suggestions, null)
        {
        }

        /// <summary>A diagnostic with an edit of the text that fixes it.</summary>
        public ScheduleDiagnostic(string id, ScheduleDiagnosticSeverity severity, string message, int offset, int length, System.Collections.Generic.IReadOnlyList<string> suggestions, ScheduleTextEdit? fix)
        {
            Id = id;
            Severity = severity;
            Message = message;
            Offset = offset;
            Length = length;
            Suggestions = suggestions ?? throw new System.ArgumentNullException(nameof(suggestions));
            Fix = fix;
        }

        /// <summary>The contract's ID, <c>LRS0001</c> to <c>LRS0012</c>.</summary>
        public string Id { get; }

        /// <summary>How serious it is; only errors stop the schedule from being used.</summary>
        public ScheduleDiagnosticSeverity Severity { get; }

        /// <summary>What is wrong, naming the offending token and what was expected.</summary>
        public string Message { get; }

        /// <summary>Where the span starts: a 0-based character offset into the text.</summary>
        public int Offset { get; }

        /// <summary>How many characters the span covers; 0 at the end of the text.</summary>
        public int Length { get; }

        /// <summary>Words that fix the problem when they replace the span (the keywords a misspelt or cut-off word may mean), best first; empty when there are none.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Suggestions { get; }

        /// <summary>An edit of the text that fixes the problem (LRS0009: a start for the warmup); null when there is none.</summary>
        public ScheduleTextEdit? Fix { get; }

        /// <summary>The ID and the message.</summary>
        public override string ToString() => Id + ": " + Message;
    }
}
