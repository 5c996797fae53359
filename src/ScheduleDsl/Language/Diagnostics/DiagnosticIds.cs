namespace ScheduleDsl.Language
{
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

        public static ScheduleDiagnosticSeverity SeverityOf(string id)
        {
            switch (id)
            {
                case SuspiciousLevel:
                    return ScheduleDiagnosticSeverity.Warning;
                case WarmupFromZero:
                case ForCutsPhase:
                    return ScheduleDiagnosticSeverity.Info;
                default:
                    return ScheduleDiagnosticSeverity.Error;
            }
        }
    }
}
