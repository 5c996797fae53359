using System.Globalization;

namespace ScheduleDsl.Language
{
    /// <summary>Numbers as the language writes them: invariant, shortest round-trip form, lower-case exponent without '+'.</summary>
    internal static class NumberText
    {
        public static string Format(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.Replace("E+", "e").Replace("E-", "e-").Replace("E", "e");
        }
    }
}
