using System;

namespace ScheduleDsl.Cli
{
    /// <summary>Bad input from the user: printed as one line, exit code 2, no stack trace.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }
}
