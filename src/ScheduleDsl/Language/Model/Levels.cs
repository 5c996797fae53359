namespace ScheduleDsl.Language.Model
{
    /// <summary>Arithmetic on levels that keeps every value finite and ≥ 0.</summary>
    internal static class Levels
    {
        /// <summary><c>a·b</c>, with 0 winning over any size and overflow saturating at <see cref="double.MaxValue"/>.</summary>
        public static double Scale(double a, double b)
        {
            if (a == 0 || b == 0)
            {
                return 0;
            }

            double product = a * b;
            return product > double.MaxValue ? double.MaxValue : product;
        }

        /// <summary>Clamps a computed value into [0, <see cref="double.MaxValue"/>]; a NaN (which no kernel produces) would become 0.</summary>
        public static double Saturate(double value)
        {
            if (value > double.MaxValue)
            {
                return double.MaxValue;
            }

            return value > 0 ? value : 0;
        }
    }
}
