using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ScheduleDsl.Cli
{
    /// <summary>
    /// Numeric options read with the invariant culture, whatever the user's locale: under de_DE <c>--lr 0.05</c> is 0.05,
    /// not 5, and <c>--lr 0,05</c> is an error rather than a different number. Errors name the option and the text.
    /// </summary>
    internal static class InvariantOptions
    {
        public static Option<double> Double(string name, string description, double defaultValue) =>
            new Option<double>(name)
            {
                Description = description,
                DefaultValueFactory = _ => defaultValue,
                CustomParser = result => ParseDouble(result, name) ?? defaultValue,
            };

        public static Option<double?> NullableDouble(string name, string description) =>
            new Option<double?>(name)
            {
                Description = description,
                CustomParser = result => ParseDouble(result, name),
            };

        public static Option<int> Int(string name, string description, int defaultValue) =>
            new Option<int>(name)
            {
                Description = description,
                DefaultValueFactory = _ => defaultValue,
                CustomParser = result => ParseInt(result, name) ?? defaultValue,
            };

        public static Option<int?> NullableInt(string name, string description) =>
            new Option<int?>(name)
            {
                Description = description,
                CustomParser = result => ParseInt(result, name),
            };

        /// <summary>For rate options: absent, or a finite number greater than 0.</summary>
        public static bool PositiveOrAbsent(double? value) => value is not double v || (v > 0 && !double.IsInfinity(v));

        /// <summary>
        /// Adds a validator: when the option's value (given or default) fails <paramref name="valid"/>, the parse fails with
        /// <paramref name="message"/>, before any command runs. A value the parser refused is reported by the parser alone.
        /// </summary>
        public static Option<T> Must<T>(this Option<T> option, System.Func<T, bool> valid, System.Func<T, string> message)
        {
            option.Validators.Add(result =>
            {
                T value;
                try
                {
                    value = result.GetValueOrDefault<T>();
                }
                catch (System.InvalidOperationException)
                {
                    return; // the parser refused the text and has reported why
                }

                if (!valid(value))
                {
                    result.AddError(message(value));
                }
            });
            return option;
        }

        private static double? ParseDouble(ArgumentResult result, string name)
        {
            string text = Single(result);
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out double value)
                && !double.IsNaN(value) && !double.IsInfinity(value))
            {
                return value;
            }

            result.AddError(name + " takes a finite number written with a '.' decimal point (such as 0.05 or 1e-3), not '" + text + "'");
            return null;
        }

        private static int? ParseInt(ArgumentResult result, string name)
        {
            string text = Single(result);
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            bool whole = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            result.AddError(name + (whole ? " is at most 2147483647 (and at least -2147483648), not " : " takes a whole number, not '") + text + (whole ? string.Empty : "'"));
            return null;
        }

        private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[result.Tokens.Count - 1].Value : string.Empty;
    }
}
