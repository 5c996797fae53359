namespace ScheduleDsl.Language
{
    /// <summary>
    /// Every diagnostic ID in one place: the language contract's LRS0001–LRS0012, with their severities, and the
    /// declaration rules LRS0100–LRS0107 that only the analyzer reports (a [Schedule] type's C# shape).
    /// </summary>
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
        public const string EpochsWithoutStepsPerEpoch = "LRS0011";
        public const string CustomNotGiven = "LRS0012";

        public const string NotPartial = "LRS0100";
        public const string Generic = "LRS0101";
        public const string NotConstant = "LRS0102";
        public const string MixedForms = "LRS0103";
        public const string RefStruct = "LRS0104";
        public const string MemberConflict = "LRS0105";
        public const string UndefinedEnumValue = "LRS0106";
        public const string TooLarge = "LRS0107";

        /// <summary>The IDs a schedule text can produce, in order.</summary>
        public static readonly string[] Language =
        {
            Syntax, UnknownWord, BadNumber, OutOfRange, Unreachable, NotIncreasing, Unbounded, SuspiciousLevel, WarmupFromZero, ForCutsPhase,
            EpochsWithoutStepsPerEpoch, CustomNotGiven,
        };

        public static ScheduleDiagnosticSeverity SeverityOf(string id)
        {
            switch (id)
            {
                case SuspiciousLevel:
                    return ScheduleDiagnosticSeverity.Warning;
                case WarmupFromZero:
                case ForCutsPhase:
                    return ScheduleDiagnosticSeverity.Info;
                case Syntax:
                case UnknownWord:
                case BadNumber:
                case OutOfRange:
                case Unreachable:
                case NotIncreasing:
                case Unbounded:
                case EpochsWithoutStepsPerEpoch:
                case CustomNotGiven:
                    return ScheduleDiagnosticSeverity.Error;
                default:
                    // An ID the contract does not define is a bug here, never something to report as some other diagnostic.
                    throw new System.ArgumentOutOfRangeException(nameof(id), id, "Not a diagnostic ID of the schedule language.");
            }
        }
    }
}
