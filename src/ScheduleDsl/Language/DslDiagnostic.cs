namespace ScheduleDsl.Language
{
    internal enum DslSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>One problem found in a schedule text: an ID of the contract, a message, and where (0-based offset and length).</summary>
    internal readonly struct DslDiagnostic
    {
        public DslDiagnostic(string id, DslSeverity severity, string message, int offset, int length)
        {
            Id = id;
            Severity = severity;
            Message = message;
            Offset = offset;
            Length = length;
        }

        public string Id { get; }

        public DslSeverity Severity { get; }

        public string Message { get; }

        public int Offset { get; }

        public int Length { get; }

        public override string ToString() => Id + " at " + Offset + "+" + Length + ": " + Message;
    }

    /// <summary>The diagnostic IDs of the language contract, with their severities.</summary>
    internal static class DiagnosticIds
    {
        public const string Syntax = "LRS0001";
        public const string UnknownWord = "LRS0002";
        public const string BadNumber = "LRS0003";
        public const string OutOfRange = "LRS0004";
        public const string Unreachable = "LRS0005";
        public const string NotIncreasing = "LRS0006";
        public const string Unbounded = "LRS0007";
        public const string SuspiciousLevel = "LRS0008";
        public const string WarmupFromZero = "LRS0009";
        public const string ForCutsPhase = "LRS0010";

        public static DslSeverity SeverityOf(string id)
        {
            switch (id)
            {
                case SuspiciousLevel:
                    return DslSeverity.Warning;
                case WarmupFromZero:
                case ForCutsPhase:
                    return DslSeverity.Info;
                default:
                    return DslSeverity.Error;
            }
        }
    }
}
