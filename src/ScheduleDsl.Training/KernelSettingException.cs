using System;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// An environment variable that tunes the kernels (<c>SCHEDULEDSL_GEMM_TILE</c>) asks for something that is not a
    /// setting, or that this machine cannot run. Thrown by the first training step instead of silently making another
    /// choice; unset the variable to let the process choose.
    /// </summary>
    public sealed class KernelSettingException : InvalidOperationException
    {
        /// <summary>Creates the exception with a message that names the variable, its value and what it accepts.</summary>
        public KernelSettingException(string message)
            : base(message)
        {
        }
    }
}
