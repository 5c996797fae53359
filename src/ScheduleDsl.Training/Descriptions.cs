using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Reads back what <see cref="Layer.Description"/>, <see cref="Optimizer.Describe"/> and the loss's name write, so a
    /// checkpoint alone can rebuild the model it was saved from (<see cref="Checkpoint.Restore"/>).
    /// </summary>
    internal static class Descriptions
    {
        /// <summary>The layers of an architecture line: <c>dense(3→9, Relu) dropout(0.5) dense(9→3, Softmax)</c>.</summary>
        public static Layer[] Layers(string architecture, string path)
        {
            var layers = new List<Layer>();
            foreach ((string name, string[] args) in Calls(architecture, path))
            {
                switch (name)
                {
                    case "dense" when args.Length == 2 && args[0].Split('→') is { Length: 2 } sizes
                        && int.TryParse(sizes[0], NumberStyles.None, CultureInfo.InvariantCulture, out int inputs)
                        && int.TryParse(sizes[1], NumberStyles.None, CultureInfo.InvariantCulture, out int outputs)
                        && Enum.TryParse(args[1], ignoreCase: false, out Activation activation) && Enum.IsDefined(activation):
                        layers.Add(new Dense(inputs, outputs, activation));
                        break;
                    case "dropout" when args.Length == 1 && double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate):
                        layers.Add(new Dropout(layers.Count > 0 ? layers[layers.Count - 1].Outputs : 1, rate));
                        break;
                    default:
                        throw new InvalidDataException("'" + path + "' describes a layer this trainer cannot build: '" + name + "(" + string.Join(", ", args) + ")'.");
                }
            }

            if (layers.Count == 0)
            {
                throw new InvalidDataException("'" + path + "' describes no layers.");
            }

            return layers.ToArray();
        }

        /// <summary>An optimizer from its description: <c>adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1e-07, weight_decay=0)</c>.</summary>
        public static Optimizer Optimizer(string description, string path)
        {
            List<(string Name, string[] Args)> calls = Calls(description, path);
            if (calls.Count != 1)
            {
                throw new InvalidDataException("'" + path + "' describes the optimizer as '" + description + "', not one optimizer.");
            }

            (string name, string[] args) = calls[0];
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string arg in args)
            {
                int equals = arg.IndexOf('=');
                if (equals <= 0)
                {
                    throw new InvalidDataException("'" + path + "' describes the optimizer with '" + arg + "', not name=value.");
                }

                values[arg.Substring(0, equals)] = arg.Substring(equals + 1);
            }

            double N(string key) => values.TryGetValue(key, out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                ? v
                : throw new InvalidDataException("'" + path + "' gives the optimizer no number '" + key + "' (" + description + ").");
            bool B(string key) => values.TryGetValue(key, out string? text) && (text == "true" || text == "false")
                ? text == "true"
                : throw new InvalidDataException("'" + path + "' gives the optimizer no true/false '" + key + "' (" + description + ").");
            try
            {
                return name switch
                {
                    "sgd" => new Sgd(N("lr"), N("momentum"), B("nesterov"), N("weight_decay")),
                    "adagrad" => new AdaGrad(N("lr"), N("initial_accumulator"), N("epsilon"), N("weight_decay")),
                    "adadelta" => new AdaDelta(N("lr"), N("rho"), N("epsilon"), N("weight_decay")),
                    "rmsprop" => new RmsProp(N("lr"), N("rho"), N("momentum"), N("epsilon"), B("centered"), N("weight_decay")),
                    "adam" => new Adam(N("lr"), N("beta1"), N("beta2"), N("epsilon"), N("weight_decay")),
                    "adamw" => new AdamW(N("lr"), N("weight_decay"), N("beta1"), N("beta2"), N("epsilon")),
                    _ => throw new InvalidDataException("'" + path + "' names an optimizer this trainer does not have: '" + name + "'."),
                };
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new InvalidDataException("'" + path + "' gives the optimizer a value out of range: " + e.Message, e);
            }
        }

        public static Loss Loss(string name, string path) =>
            Enum.TryParse(name, ignoreCase: false, out Loss loss) && Enum.IsDefined(loss)
                ? loss
                : throw new InvalidDataException("'" + path + "' names a loss this trainer does not have: '" + name + "'.");

        /// <summary><c>a(x, y) b(z)</c> as calls with their arguments.</summary>
        private static List<(string Name, string[] Args)> Calls(string text, string path)
        {
            var calls = new List<(string, string[])>();
            int position = 0;
            while (position < text.Length)
            {
                while (position < text.Length && text[position] == ' ')
                {
                    position++;
                }

                if (position == text.Length)
                {
                    break;
                }

                int open = text.IndexOf('(', position);
                int close = open < 0 ? -1 : text.IndexOf(')', open);
                if (open <= position || close < 0)
                {
                    throw new InvalidDataException("'" + path + "' holds an unreadable description: '" + text + "'.");
                }

                string inside = text.Substring(open + 1, close - open - 1);
                string[] args = inside.Length == 0 ? Array.Empty<string>() : Array.ConvertAll(inside.Split(','), a => a.Trim());
                calls.Add((text.Substring(position, open - position), args));
                position = close + 1;
            }

            return calls;
        }
    }
}
