using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ScheduleDsl.Cli.Reports;
using ScheduleDsl.Training;

namespace ScheduleDsl.Cli
{
    /// <summary>The options that describe data, network and optimizer, shared by <c>train</c>, <c>compare</c> and <c>find-lr</c>.</summary>
    internal sealed class TrainingOptions
    {
        public Option<string?> Data { get; } = new Option<string?>("--data") { Description = "Training data: a CSV file with a header row." };

        public Option<string?> Test { get; } = new Option<string?>("--test") { Description = "Test data in the same form (used for validation loss and accuracy)." };

        public Option<string> LabelColumn { get; } = new Option<string>("--label-column") { Description = "The CSV column holding the classes: indices 0, 1, 2, … or names.", DefaultValueFactory = _ => "label" };

        public Option<IndexColumn> IndexColumnHandling { get; } = new Option<IndexColumn>("--index-column")
        {
            Description = "A column that counts the rows (pandas' 'Unnamed: 0'): refuse (default), drop, or keep as a feature.",
            DefaultValueFactory = _ => IndexColumn.Refuse,
        };

        public Option<bool> Normalize { get; } = new Option<bool>("--normalize")
        {
            Description = "Standardize the features with the training data's means and standard deviations (kept in checkpoints).",
        };

        public Option<bool> TutorialData { get; } = new Option<bool>("--tutorial-data") { Description = "Use the tutorial's data: 1,000 training and 100 test samples in [0,1)³, labelled by their largest feature." };

        public Option<string> Layers { get; } = new Option<string>("--layers") { Description = "Hidden layer sizes, comma-separated (9,9,9 with --tutorial-data).", DefaultValueFactory = _ => "100" };

        public Option<string> HiddenActivation { get; } = Named(new Option<string>("--activation") { Description = "Hidden activation: relu, tanh, sigmoid or linear.", DefaultValueFactory = _ => "relu" }, TrainingNames.Activations);

        public Option<string> LossName { get; } = Named(new Option<string>("--loss") { Description = "cce (softmax outputs), bce (sigmoid outputs) or mse (linear outputs).", DefaultValueFactory = _ => "cce" }, TrainingNames.Losses);

        public Option<string> OptimizerName { get; } = Named(new Option<string>("--optimizer") { Description = "sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam or adamw (sgd with --tutorial-data).", DefaultValueFactory = _ => "adam" }, TrainingNames.Optimizers);

        public Option<double?> LearningRate { get; } = InvariantOptions.NullableDouble("--lr", "The optimizer's base rate (default: Keras's default for the optimizer).")
            .Must(InvariantOptions.PositiveOrAbsent, _ => "--lr must be a finite number greater than 0");

        public Option<int> Epochs { get; } = InvariantOptions.Int("--epochs", "Epochs in all (10 with --tutorial-data).", 50).Must(n => n >= 1, _ => "--epochs must be at least 1");

        public Option<int> Batch { get; } = InvariantOptions.Int("--batch", "Samples per optimizer step (50 with --tutorial-data).", 32).Must(n => n >= 1, _ => "--batch must be at least 1");

        // Defaults for typical tabular data (scikit-learn's MLPClassifier: one hidden layer of 100, Adam 1e-3); with
        // --tutorial-data every option not given takes the tutorial's value instead, so the tutorial stays one flag.
        public int EpochsOf(ParseResult result) => Effective(result, Epochs, 10);

        public int BatchOf(ParseResult result) => Effective(result, Batch, 50);

        private string LayersOf(ParseResult result) => Effective(result, Layers, "9,9,9")!;

        private string OptimizerOf(ParseResult result) => Effective(result, OptimizerName, "sgd")!;

        private T Effective<T>(ParseResult result, Option<T> option, T tutorial) =>
            result.GetValue(TutorialData) && result.GetResult(option) is null or { Implicit: true } ? tutorial : result.GetValue(option)!;

        public Option<int> Seed { get; } = InvariantOptions.Int("--seed", "Seed of the initial weights and the shuffling.", 0);

        /// <summary>Whether the command line describes the network itself (layers, activation, loss, optimizer or rate), rather than leaving it to a checkpoint.</summary>
        public bool DescribesNetwork(ParseResult result) =>
            Array.Exists(new Option[] { Layers, HiddenActivation, LossName, OptimizerName, LearningRate }, o => result.GetResult(o) is { Implicit: false });

        public IEnumerable<Option> All => new Option[] { Data, Test, LabelColumn, IndexColumnHandling, Normalize, TutorialData, Layers, HiddenActivation, LossName, OptimizerName, LearningRate, Epochs, Batch, Seed };

        public void AddTo(Command command)
        {
            foreach (Option option in All)
            {
                command.Options.Add(option);
            }
        }

        /// <summary>The data for <paramref name="seed"/>: the tutorial's, or the CSV files.</summary>
        /// <summary>
        /// The data for <paramref name="seed"/>, standardized with <paramref name="inputs"/> when given (a checkpoint's), or
        /// with the training data's own statistics under --normalize.
        /// </summary>
        public ExperimentData ReadData(ParseResult result, int seed, Standardization? inputs = null)
        {
            // Every command that reads training data trains next: its kernels compile on the other core meanwhile, instead
            // of in the first training step.
            KernelWarmUp.Start();
            ExperimentData data = ReadRaw(result, seed);
            return inputs != null || result.GetValue(Normalize) ? data.Standardized(inputs) : data;
        }

        private ExperimentData ReadRaw(ParseResult result, int seed)
        {
            if (result.GetValue(TutorialData))
            {
                if (result.GetValue(Data) != null)
                {
                    throw new UsageException("give --data or --tutorial-data, not both");
                }

                return Tutorial.Data(seed, new TutorialSettings());
            }

            string data = result.GetValue(Data) ?? throw new UsageException("give the training data with --data FILE (or --tutorial-data)");
            string label = result.GetValue(LabelColumn)!;
            var csv = new CsvOptions { LabelColumn = label, IndexColumn = result.GetValue(IndexColumnHandling) };
            CsvDataset train = ReadCsv(data, "--data", csv);
            string? testPath = result.GetValue(Test);
            if (testPath == null)
            {
                // Without test data, scores on the training data would flatter the model: hold out a validation split.
                return train.Labels.Length >= MinimumForSplit
                    ? ExperimentData.Split(train.X, train.Labels, ValidationFraction, seed) with { HeldOut = "validation", HeldOutNote = "20% of --data held out at random" }
                    : new ExperimentData(train.X, train.Labels, train.X, train.Labels) { HeldOut = "training", HeldOutNote = "too few rows to hold any out, so these score the training data; give --test" };
            }

            CsvDataset test = ReadCsv(testPath, "--test", csv with { Classes = train.Classes });
            if (test.Features.Count != train.Features.Count)
            {
                throw new UsageException(testPath + ": " + test.Features.Count + " feature columns, but " + data + " has " + train.Features.Count);
            }

            return new ExperimentData(train.X, train.Labels, test.X, test.Labels);
        }

        /// <summary>The share of --data held out for validation when no --test is given.</summary>
        public const double ValidationFraction = 0.2;

        /// <summary>Below this many rows nothing is held out (a split would leave too little to train or to score).</summary>
        public const int MinimumForSplit = 10;

        /// <summary>A CSV file through the tool's input guards (a folder, a device, a line of a million characters are refused).</summary>
        private static CsvDataset ReadCsv(string path, string option, CsvOptions options)
        {
            string text = string.Join("\n", TextInput.ReadLines(path, option));
            try
            {
                return CsvDataset.Parse(text, path, options);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
        }

        public int Classes(ExperimentData data)
        {
            int max = data.TrainLabels.Concat(data.TestLabels).Max();
            if (data.TrainLabels.Concat(data.TestLabels).Any(l => l < 0))
            {
                throw new UsageException("class indices must be 0 or more");
            }

            return Math.Max(2, max + 1);
        }

        public Func<Sequential> NetworkFactory(ParseResult result, int features, int classes)
        {
            int[] hidden = ParseLayers(LayersOf(result));
            CheckSize(features, hidden, classes);
            Activation activation = TrainingNames.Activations.Get(result.GetValue(HiddenActivation)!);
            (Loss _, Activation output) = LossAndOutput(result);
            return () =>
            {
                var layers = new List<Layer>();
                int inputs = features;
                foreach (int size in hidden)
                {
                    layers.Add(new Dense(inputs, size, activation));
                    inputs = size;
                }

                layers.Add(new Dense(inputs, classes, output));
                return new Sequential(layers.ToArray());
            };
        }

        /// <summary>A name option read through its registry: a name it lacks fails the parse with the choices and the nearest name.</summary>
        private static Option<string> Named<T>(Option<string> option, NameRegistry<T> registry) =>
            option.Must(name => registry.TryGet(name, out _), name => option.Name + " must be " + registry.Choices + ", not '" + name + "'" + registry.DidYouMean(name));

        public (Loss Loss, Activation Output) LossAndOutput(ParseResult result)
        {
            LossChoice choice = TrainingNames.Losses.Get(result.GetValue(LossName)!);
            return (choice.Loss, choice.Output);
        }

        public Func<Optimizer> OptimizerFactory(ParseResult result)
        {
            string name = OptimizerOf(result);
            double? lr = result.GetValue(LearningRate);
            Func<double?, Optimizer> create = TrainingNames.Optimizers.Get(name);
            return () => create(lr);
        }

        /// <summary>The most weights and biases the tool trains: each takes four floats (value, gradient, two optimizer slots).</summary>
        public const long MaxParameters = 50_000_000;

        private static void CheckSize(int features, int[] hidden, int classes)
        {
            long parameters = 0;
            int inputs = features;
            foreach (int size in hidden.Append(classes))
            {
                parameters += ((long)inputs + 1) * size;
                inputs = size;
            }

            if (parameters > MaxParameters)
            {
                throw new UsageException(
                    "the network " + string.Join("→", new[] { features }.Concat(hidden).Append(classes)) + " has " + parameters.ToString("N0", CultureInfo.InvariantCulture)
                    + " parameters; this trainer takes at most " + MaxParameters.ToString("N0", CultureInfo.InvariantCulture) + " (give smaller --layers)");
            }
        }

        private static int[] ParseLayers(string text)
        {
            if (text.Trim().Length == 0)
            {
                return Array.Empty<int>();
            }

            return text.Split(',').Select(part =>
                int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size >= 1
                    ? size
                    : throw new UsageException("--layers takes sizes ≥ 1 separated by commas, not '" + text + "'")).ToArray();
        }

    }
}
