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
    
        /// <summary>
        /// Whether a well-formed number text (<c>digits [. digits] [e [+|-] digits]</c>) stands for a whole number, judged on the
        /// digits as written rather than on the nearest double: <c>2147483646.9999999999</c> is not whole, though it rounds to one.
        /// </summary>
        public static bool IsWhole(string text)
        {
            int e = text.IndexOfAny(new[] { 'e', 'E' });
            string mantissa = e < 0 ? text : text.Substring(0, e);
            long exponent = 0;
            if (e >= 0 && !long.TryParse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            int point = mantissa.IndexOf('.');
            string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
            long scale = exponent - (point < 0 ? 0 : mantissa.Length - point - 1);
            int end = digits.Length;
            while (end > 0 && digits[end - 1] == '0')
            {
                end--;
                scale++;
            }

            return end == 0 || scale >= 0;
        }
    }
}
