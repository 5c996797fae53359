using System.Globalization;

namespace ScheduleDsl.Language
{
    /// <summary>Numbers as the language writes them: invariant, shortest round-trip form, exponent as <c>e-5</c> or <c>e20</c>.</summary>
    internal static class NumberText
    {
        public static string Format(double value) => Tidy(value.ToString("R", CultureInfo.InvariantCulture));

        /// <summary>Rewrites .NET's <c>1E-05</c> / <c>1E+20</c> as <c>1e-5</c> / <c>1e20</c>.</summary>
        public static string Tidy(string text)
        {
            int e = text.IndexOf('E');
            if (e < 0)
            {
                return text;
            }

            string mantissa = text.Substring(0, e);
            int i = e + 1;
            string sign = string.Empty;
            if (text[i] == '+' || text[i] == '-')
            {
                sign = text[i] == '-' ? "-" : string.Empty;
                i++;
            }

            string digits = text.Substring(i).TrimStart('0');
            return mantissa + "e" + sign + (digits.Length == 0 ? "0" : digits);
        }
    }
}
