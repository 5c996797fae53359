using System;
using System.Globalization;

namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// <c>custom NAME</c>: the user's function <c>f(τ, s)</c> of local time and incoming level, open-ended. Parsed at run time it
    /// calls the function given to <c>Schedule.Parse</c>; in a <c>[Schedule]</c> type the generator calls the partial method
    /// <c>NAME</c> the user implements.
    /// </summary>
    internal sealed class CustomKernel : KernelNode
    {
        public CustomKernel(string name, TextSpan nameSpan, Func<long, double, double>? function, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Name = name;
            NameSpan = nameSpan;
            Function = function;
        }

        public string Name { get; }

        public TextSpan NameSpan { get; }

        /// <summary>The function given to <c>Schedule.Parse</c>; null where the generator parses (it emits a call to the partial method).</summary>
        public Func<long, double, double>? Function { get; }

        public override KernelKind Kind => KernelKind.Custom;

        public override long? Duration => null;

        /// <summary>The function is not known before training, so neither is the level after a <c>custom … for N</c>.</summary>
        public override bool IsOpaque => true;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            Func<long, double, double> function = Function
                ?? throw new InvalidOperationException("The custom function '" + Name + "' was not given, so the schedule cannot be evaluated");
            return Levels.CheckCustom(function(tau, s), Name, tau);
        }

        /// <summary>What <see cref="Levels.CheckCustom"/> says about a value that is not finite or below 0.</summary>
        internal static string Refusal(double value, string name, long tau) =>
            "The custom function '" + name + "' returned " + value.ToString("R", CultureInfo.InvariantCulture) + " at local time t = "
            + tau.ToString(CultureInfo.InvariantCulture) + "; a schedule's values are finite and at least 0";
    }
}
