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
        Info,
        Warning,
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
        public ScheduleDiagnostic(string id, ScheduleDiagnosticSeverity severity, string message, int offset, int length)
            : this(id, severity, message, offset, length, System.Array.Empty<string>())
        {
        }

        public ScheduleDiagnostic(string id, ScheduleDiagnosticSeverity severity, string message, int offset, int length, System.Collections.Generic.IReadOnlyList<string> suggestions)
        {
            Id = id;
            Severity = severity;
            Message = message;
            Offset = offset;
            Length = length;
            Suggestions = suggestions ?? throw new System.ArgumentNullException(nameof(suggestions));
        }

        public string Id { get; }

        public ScheduleDiagnosticSeverity Severity { get; }

        public string Message { get; }

        public int Offset { get; }

        public int Length { get; }

        /// <summary>Words that fix the problem when they replace the span (the keywords a misspelt or cut-off word may mean), best first; empty when there are none.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Suggestions { get; }

        public override string ToString() => Id + ": " + Message;
    }
}
