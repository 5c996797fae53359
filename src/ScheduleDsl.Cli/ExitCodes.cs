namespace ScheduleDsl.Cli
{
    /// <summary>What the <c>schedule</c> command returns.</summary>
    public static class ExitCodes
    {
        public const int Success = 0;

        /// <summary><c>schedule check</c>: the schedule has errors.</summary>
        public const int InvalidSchedule = 1;

        /// <summary>Bad usage or bad input: an unknown option, a missing file, an invalid schedule given to a command that needs a valid one.</summary>
        public const int BadInput = 2;

        /// <summary><c>schedule train</c>: training diverged (the loss stopped being a finite number); nothing was saved.</summary>
        public const int Diverged = 3;
    }
}
