using System;
using System.Globalization;
using System.IO;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Standardized features (scikit-learn's <c>StandardScaler</c>): each feature minus its mean over the training data,
    /// divided by its standard deviation there (1 for a constant feature). Fitted on the training data only and applied
    /// unchanged to test data; checkpoints keep it, so a resumed run sees the same inputs.
    /// </summary>
    public sealed class Standardization
    {
        private Standardization(float[] mean, float[] scale)
        {
            Mean = mean;
            Scale = scale;
        }

        /// <summary>Each feature's mean over the data it was fitted on.</summary>
        public float[] Mean { get; }

        /// <summary>Each feature's standard deviation there (population, as scikit-learn), or 1 where it is 0.</summary>
        public float[] Scale { get; }

        /// <summary>The means and standard deviations of <paramref name="x"/>'s columns.</summary>
        /// <exception cref="ArgumentException"><paramref name="x"/> has no rows.</exception>
        public static Standardization Fit(float[,] x)
        {
            int rows = x.GetLength(0);
            int features = x.GetLength(1);
            if (rows == 0)
            {
                throw new ArgumentException("Standardization needs at least one row.", nameof(x));
            }

            var mean = new float[features];
            var scale = new float[features];
            for (int f = 0; f < features; f++)
            {
                double sum = 0;
                for (int r = 0; r < rows; r++)
                {
                    sum += x[r, f];
                }

                double m = sum / rows;
                double squares = 0;
                for (int r = 0; r < rows; r++)
                {
                    double d = x[r, f] - m;
                    squares += d * d;
                }

                double std = Math.Sqrt(squares / rows);
                mean[f] = (float)m;
                scale[f] = std > 0 && double.IsFinite(std) ? (float)std : 1f;
            }

            return new Standardization(mean, scale);
        }

        /// <summary>A standardized copy of <paramref name="x"/>.</summary>
        /// <exception cref="ArgumentException"><paramref name="x"/> has another number of features.</exception>
        public float[,] Apply(float[,] x)
        {
            int rows = x.GetLength(0);
            int features = x.GetLength(1);
            if (features != Mean.Length)
            {
                throw new ArgumentException("The data has " + features + " features; the standardization was fitted on " + Mean.Length + ".", nameof(x));
            }

            var result = new float[rows, features];
            for (int r = 0; r < rows; r++)
            {
                for (int f = 0; f < features; f++)
                {
                    result[r, f] = (x[r, f] - Mean[f]) / Scale[f];
                }
            }

            return result;
        }

        /// <summary>The means and scales as checkpoint metadata: two comma lists of round-trip numbers.</summary>
        internal (string Mean, string Scale) ToText() => (Join(Mean), Join(Scale));

        internal static Standardization FromText(string mean, string scale, string path)
        {
            float[] m = Split(mean, path);
            float[] s = Split(scale, path);
            if (m.Length != s.Length || Array.Exists(s, v => !(v > 0) || !float.IsFinite(v)))
            {
                throw new InvalidDataException("'" + path + "' holds an input standardization that is not usable (means and scales differ in number, or a scale is not a positive number).");
            }

            return new Standardization(m, s);
        }

        private static string Join(float[] values) => string.Join(",", Array.ConvertAll(values, v => v.ToString("R", CultureInfo.InvariantCulture)));

        private static float[] Split(string text, string path) =>
            Array.ConvertAll(text.Split(','), part => float.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)
                ? v
                : throw new InvalidDataException("'" + path + "' holds an input standardization with '" + part + "', not a finite number."));
    }
}
