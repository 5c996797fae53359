namespace ScheduleDsl
{
    public enum ScheduleDiagnosticSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>A problem in a schedule text: an <c>LRSxxxx</c> ID, a message, and where (0-based offset and length in the text).</summary>
    public sealed class ScheduleDiagnostic
    {
        public ScheduleDiagnostic(string id, ScheduleDiagnosticSeverity severity, string message, int offset, int length)
        {
            Id = id;
            Severity = severity;
            Message = message;
            Offset = offset;
            Length = length;
        }

        public string Id { get; }

        public ScheduleDiagnosticSeverity Severity { get; }

        public string Message { get; }

        public int Offset { get; }

        public int Length { get; }

        public override string ToString() => Id + ": " + Message;
    }
}
