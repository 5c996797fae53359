using System;
using System.Globalization;
using System.Text;

namespace ScheduleDsl.Training
{
    public sealed partial class Sequential
    {
        /// <summary>
        /// The model as Keras's <c>model.summary()</c> prints it: one row per layer with its output shape and parameter
        /// count, then the totals.
        /// </summary>
        public string Summary()
        {
            string[] names = new string[_layers.Length];
            string[] shapes = new string[_layers.Length];
            string[] counts = new string[_layers.Length];
            long total = 0;
            for (int i = 0; i < _layers.Length; i++)
            {
                Layer layer = _layers[i];
                long parameters = 0;
                foreach (Parameter parameter in layer.Parameters)
                {
                    parameters += parameter.Length;
                }

                total += parameters;
                names[i] = layer.Description;
                shapes[i] = "(None, " + layer.Outputs.ToString(CultureInfo.InvariantCulture) + ")";
                counts[i] = parameters.ToString("N0", CultureInfo.InvariantCulture);
            }

            int nameWidth = Math.Max("Layer".Length, Longest(names));
            int shapeWidth = Math.Max("Output shape".Length, Longest(shapes));
            int countWidth = Math.Max("Param #".Length, Longest(counts));
            var text = new StringBuilder();
            string rule = new string('─', nameWidth + shapeWidth + countWidth + 6);
            text.Append("Layer".PadRight(nameWidth)).Append("   ").Append("Output shape".PadRight(shapeWidth)).Append("   ").Append("Param #".PadLeft(countWidth)).Append('\n');
            text.Append(rule).Append('\n');
            for (int i = 0; i < _layers.Length; i++)
            {
                text.Append(names[i].PadRight(nameWidth)).Append("   ").Append(shapes[i].PadRight(shapeWidth)).Append("   ").Append(counts[i].PadLeft(countWidth)).Append('\n');
            }

            text.Append(rule).Append('\n');
            text.Append("Total params: ").Append(total.ToString("N0", CultureInfo.InvariantCulture)).Append(" (").Append(Kilobytes(total * sizeof(float))).Append(")\n");
            text.Append("Inputs: ").Append(Inputs.ToString(CultureInfo.InvariantCulture)).Append(", outputs: ").Append(Outputs.ToString(CultureInfo.InvariantCulture));
            if (_optimizer != null)
            {
                text.Append("; loss: ").Append(_loss).Append(", optimizer: ").Append(_optimizer.Describe());
            }

            return text.Append('\n').ToString();
        }

        private static int Longest(string[] texts)
        {
            int longest = 0;
            foreach (string text in texts)
            {
                longest = Math.Max(longest, text.Length);
            }

            return longest;
        }

        private static string Kilobytes(long bytes) =>
            bytes < 1024 ? bytes.ToString(CultureInfo.InvariantCulture) + " B" : (bytes / 1024.0).ToString("0.00", CultureInfo.InvariantCulture) + " KB";
    }
}
