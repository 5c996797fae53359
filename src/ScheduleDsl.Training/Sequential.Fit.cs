using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Training
{
    public sealed partial class Sequential
    {
        /// <summary>
        /// Trains on class indices for <paramref name="epochs"/> epochs in all (Keras's <c>model.fit(x, y, epochs, batch_size)</c>);
        /// <see cref="Fit(float[,], int[], FitOptions)"/> takes validation data, callbacks, progress and cancellation.
        /// </summary>
        public History Fit(float[,] x, int[] labels, int epochs, int batchSize = 32, ILearningRateSchedule? schedule = null, int seed = 0) =>
            Fit(x, labels, Options(epochs, batchSize, schedule, seed));

        /// <summary>Trains on targets <c>[samples, outputs]</c> for <paramref name="epochs"/> epochs in all.</summary>
        public History Fit(float[,] x, float[,] y, int epochs, int batchSize = 32, ILearningRateSchedule? schedule = null, int seed = 0) =>
            Fit(x, y, Options(epochs, batchSize, schedule, seed));

        /// <summary>The options of the short overloads, their counts checked under the overloads' own parameter names.</summary>
        private static FitOptions Options(int epochs, int batchSize, ILearningRateSchedule? schedule, int seed)
        {
            CheckCounts(epochs, batchSize, nameof(epochs), nameof(batchSize));
            return new FitOptions { Epochs = epochs, BatchSize = batchSize, Schedule = schedule, Seed = seed };
        }

        private static void CheckCounts(int epochs, int batchSize, string epochsName, string batchName)
        {
            if (epochs < 0)
            {
                throw new ArgumentOutOfRangeException(epochsName, epochs, "The number of epochs cannot be negative.");
            }

            if (batchSize < 1)
            {
                throw new ArgumentOutOfRangeException(batchName, batchSize, "The batch size must be at least 1.");
            }
        }

        /// <summary>Trains on class indices: <paramref name="labels"/>[i] is the class of sample i, one-hot encoded over the outputs.</summary>
        /// <exception cref="ArgumentException">The data, labels or options are inconsistent (the message says which).</exception>
        public History Fit(float[,] x, int[] labels, FitOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (options.ValidationTargets != null)
            {
                throw new ArgumentException("Training on labels takes ValidationLabels, not ValidationTargets.", nameof(options));
            }

            float[,] y = Dataset.OneHot(labels, Outputs, nameof(labels));
            float[,]? validationY = options.ValidationLabels == null ? null : Dataset.OneHot(options.ValidationLabels, Outputs, nameof(options.ValidationLabels));
            return Train(x, y, options, validationY);
        }

        /// <summary>
        /// Trains until <see cref="FitOptions.Epochs"/> epochs are done in all (so a second call continues where the first
        /// stopped, like Keras's <c>initial_epoch</c>), as <paramref name="options"/> say.
        /// </summary>
        /// <exception cref="ArgumentException">The data or options are inconsistent (the message says which).</exception>
        public History Fit(float[,] x, float[,] y, FitOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (options.ValidationLabels != null)
            {
                throw new ArgumentException("Training on targets takes ValidationTargets, not ValidationLabels.", nameof(options));
            }

            return Train(x, y, options, options.ValidationTargets);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private History Train(float[,] x, float[,] y, FitOptions options, float[,]? validationY)
        {
            int epochs = options.Epochs;
            int batchSize = options.BatchSize;
            double validationSplit = options.ValidationSplit;
            float[,]? validationX = options.ValidationX;
            System.Threading.CancellationToken cancellationToken = options.CancellationToken;
            _ = Optimizer;
            CheckCounts(epochs, batchSize, nameof(FitOptions.Epochs), nameof(FitOptions.BatchSize));
            if (!(validationSplit >= 0 && validationSplit < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(options), validationSplit, "ValidationSplit must lie in [0, 1).");
            }

            if ((validationX == null) != (validationY == null))
            {
                throw new ArgumentException("Give both the validation samples and their labels (or targets), or neither.", nameof(options));
            }

            if (validationX != null && validationSplit > 0)
            {
                throw new ArgumentException("Give validation data or a ValidationSplit, not both.", nameof(options));
            }

            Dataset train = Dataset.From(x, y, Inputs, Outputs, _loss, nameof(x), nameof(y));
            Dataset? validation = validationX == null ? null : Dataset.From(validationX, validationY!, Inputs, Outputs, _loss, nameof(validationX), nameof(validationY));
            if (validationSplit > 0)
            {
                (train, validation) = train.Split(validationSplit);
            }

            if (!IsInitialized)
            {
                Initialize(options.Seed);
            }

            var rates = new ScheduleRates(options.Schedule, Optimizer, Progress, (train.Count + batchSize - 1) / batchSize);
            var history = new History();
            var callbackList = new List<ITrainingCallback>();
            var batchCallbacks = new List<IBatchCallback>();
            foreach (ICallback callback in options.Callbacks ?? Array.Empty<ICallback>())
            {
                if (callback is ITrainingCallback epochCallback)
                {
                    callbackList.Add(epochCallback);
                }

                if (callback is IBatchCallback batchCallback)
                {
                    batchCallbacks.Add(batchCallback);
                }

                if (callback is IModelCallback modelCallback)
                {
                    modelCallback.Bind(this);
                }
            }

            int capacity = Math.Min(batchSize, train.Count);
            Reserve(capacity);
            if (_order.Length != train.Count)
            {
                _order = new int[train.Count];
            }

            for (int epoch = Progress.Epoch; epoch < epochs; epoch++)
            {
                long started = Stopwatch.GetTimestamp();
                for (int i = 0; i < _order.Length; i++)
                {
                    _order[i] = i;
                }

                if (options.Shuffle)
                {
                    Progress.Rng.Shuffle(_order);
                }

                double firstRate = double.NaN;
                double rate = rates.At(epoch);
                double momentum = rates.Momentum(epoch);
                double weightDecay = rates.WeightDecay(epoch);
                double lossSum = 0;
                int correct = 0;
                int batches = 0;
                string? stop = null;
                for (int start = 0; start < train.Count; start += batchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int batch = Math.Min(batchSize, train.Count - start);
                    if (rates.PerStep)
                    {
                        rate = rates.At(Progress.Step);
                        momentum = rates.Momentum(Progress.Step);
                        weightDecay = rates.WeightDecay(Progress.Step);
                    }

                    if (double.IsNaN(firstRate))
                    {
                        firstRate = rate;
                    }

                    double loss = TrainOn(train, _order.AsSpan(start, batch), rate, momentum, weightDecay, out int batchCorrect);
                    Progress.Step++;
                    if (!double.IsFinite(loss))
                    {
                        history.Diverged = true;
                        stop = "the loss became " + (double.IsNaN(loss) ? "NaN" : "infinite") + " at epoch " + (epoch + 1) + ", batch " + (batches + 1)
                            + " (learning rate " + rate.ToString("G6", CultureInfo.InvariantCulture) + "); training stopped. A smaller learning rate, or a warmup, usually helps.";
                        lossSum += loss * batch;
                        batches++;
                        break;
                    }

                    rates.AfterStep(loss);

                    foreach (IBatchCallback batchCallback in batchCallbacks)
                    {
                        if (!batchCallback.AfterBatch(Progress.Step - 1, rate, loss, out string? reason))
                        {
                            stop = reason ?? "stopped by " + batchCallback.GetType().Name;
                        }
                    }

                    lossSum += loss * batch;
                    correct += batchCorrect;
                    batches++;
                    if (stop != null)
                    {
                        break;
                    }
                }

                int seen = Math.Min(train.Count, batches * batchSize);
                double trainLoss = lossSum / seen;
                (double Loss, double Accuracy)? evaluated = validation != null && stop == null ? Evaluate(validation, Math.Max(batchSize, 256)) : null;
                if (evaluated is { } checkedValidation && !double.IsFinite(checkedValidation.Loss))
                {
                    history.Diverged = true;
                    stop = "the validation loss became " + (double.IsNaN(checkedValidation.Loss) ? "NaN" : "infinite") + " after epoch " + (epoch + 1)
                        + " (learning rate " + rate.ToString("G6", CultureInfo.InvariantCulture) + "); training stopped. A smaller learning rate, or a warmup, usually helps.";
                }

                if (stop == null)
                {
                    rates.AfterEpoch(evaluated?.Loss ?? trainLoss);
                }

                double seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
                var record = new EpochRecord(epoch, firstRate, rate, trainLoss, (double)correct / seen, evaluated?.Loss, evaluated?.Accuracy, seconds);
                history.Add(record);
                Progress.Epoch = epoch + 1;
                options.Progress?.Invoke(ProgressLine(record, epochs));
                if (stop == null)
                {
                    foreach (ITrainingCallback callback in callbackList)
                    {
                        if (!callback.AfterEpoch(record, out string? reason))
                        {
                            stop = reason ?? "stopped by " + callback.GetType().Name;
                            break;
                        }
                    }
                }

                if (stop != null)
                {
                    history.StopReason = stop;
                    options.Progress?.Invoke(stop);
                    break;
                }
            }

            return history;
        }

        /// <summary>A rate as Keras prints it: <c>0.01</c>, <c>7.6317e-05</c> (five significant digits, a lower-case e).</summary>
        internal static string RateText(double value) =>
            value != 0 && Math.Abs(value) < 1e-4
                ? value.ToString("0.0000e-00", CultureInfo.InvariantCulture)
                : value.ToString("G5", CultureInfo.InvariantCulture);

        private static string ProgressLine(EpochRecord record, int epochs)
        {
            var line = new System.Text.StringBuilder();
            line.Append("Epoch ").Append(record.Epoch + 1).Append('/').Append(epochs)
                .Append(" - ").Append(record.Seconds.ToString("0.000", CultureInfo.InvariantCulture)).Append("s")
                .Append(" - loss: ").Append(record.Loss.ToString("0.0000", CultureInfo.InvariantCulture))
                .Append(" - accuracy: ").Append(record.Accuracy.ToString("0.0000", CultureInfo.InvariantCulture));
            if (record.ValidationLoss is double vl)
            {
                line.Append(" - val_loss: ").Append(vl.ToString("0.0000", CultureInfo.InvariantCulture));
            }

            if (record.ValidationAccuracy is double va)
            {
                line.Append(" - val_accuracy: ").Append(va.ToString("0.0000", CultureInfo.InvariantCulture));
            }

            line.Append(" - lr: ").Append(RateText(record.LearningRate));
            if (record.LastLearningRate != record.LearningRate)
            {
                line.Append("→").Append(RateText(record.LastLearningRate));
            }

            return line.ToString();
        }
    }
}
