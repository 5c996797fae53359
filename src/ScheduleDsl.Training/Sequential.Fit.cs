using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Training
{
    public sealed partial class Sequential
    {
        /// <summary>Trains on class indices: <paramref name="labels"/>[i] is the class of sample i, one-hot encoded over the outputs.</summary>
        public History Fit(
            float[,] x,
            int[] labels,
            int epochs,
            int batchSize = 32,
            ILearningRateSchedule? schedule = null,
            int seed = 0,
            bool shuffle = true,
            float[,]? validationX = null,
            int[]? validationLabels = null,
            double validationSplit = 0,
            IEnumerable<ICallback>? callbacks = null,
            TextWriter? progress = null,
            System.Threading.CancellationToken cancellationToken = default)
        {
            float[,] y = Dataset.OneHot(labels, Outputs, nameof(labels));
            float[,]? validationY = validationLabels == null ? null : Dataset.OneHot(validationLabels, Outputs, nameof(validationLabels));
            return Fit(x, y, epochs, batchSize, schedule, seed, shuffle, validationX, validationY, validationSplit, callbacks, progress, cancellationToken);
        }

        /// <summary>
        /// Trains until <paramref name="epochs"/> epochs are done in all (so a second call continues where the first stopped,
        /// like Keras's <c>initial_epoch</c>). The schedule sets the rate of each epoch (<c>per epoch</c>, as Keras's
        /// <c>LearningRateScheduler</c>) or of each optimizer step (<c>per step</c>); a factor schedule multiplies the
        /// optimizer's base rate. A <c>plateau</c> schedule observes the validation loss (or the training loss without
        /// validation data) after each epoch — or the batch loss after each step, per step. <paramref name="seed"/> sets the
        /// initial weights and the shuffling when the model has not been initialized: the same seed gives the same history,
        /// bit for bit. <paramref name="callbacks"/> are <see cref="ITrainingCallback"/>s (after each epoch) and
        /// <see cref="IBatchCallback"/>s (after each step). Progress lines go to <paramref name="progress"/> (null: silent).
        /// <paramref name="cancellationToken"/> is checked before every step: a cancelled run throws
        /// <see cref="OperationCanceledException"/> with the weights as the last completed step left them; the interrupted
        /// epoch is not counted, so a later <c>Fit</c> runs it again (with a new shuffle).
        /// </summary>
        public History Fit(
            float[,] x,
            float[,] y,
            int epochs,
            int batchSize = 32,
            ILearningRateSchedule? schedule = null,
            int seed = 0,
            bool shuffle = true,
            float[,]? validationX = null,
            float[,]? validationY = null,
            double validationSplit = 0,
            IEnumerable<ICallback>? callbacks = null,
            TextWriter? progress = null,
            System.Threading.CancellationToken cancellationToken = default)
        {
            _ = Optimizer;
            if (epochs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "The number of epochs cannot be negative.");
            }

            if (batchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
            }

            if (!(validationSplit >= 0 && validationSplit < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit, "validationSplit must lie in [0, 1).");
            }

            if ((validationX == null) != (validationY == null))
            {
                throw new ArgumentException("Give both validationX and validationY, or neither.", validationX == null ? nameof(validationX) : nameof(validationY));
            }

            if (validationX != null && validationSplit > 0)
            {
                throw new ArgumentException("Give validation data or a validationSplit, not both.", nameof(validationSplit));
            }

            Dataset train = Dataset.From(x, y, Inputs, Outputs, _loss, nameof(x), nameof(y));
            Dataset? validation = validationX == null ? null : Dataset.From(validationX, validationY!, Inputs, Outputs, _loss, nameof(validationX), nameof(validationY));
            if (validationSplit > 0)
            {
                (train, validation) = train.Split(validationSplit);
            }

            var metric = schedule as IMetricSchedule;
            if (!IsInitialized)
            {
                Initialize(seed);
            }

            if (metric != null)
            {
                long expected = schedule!.Unit == ScheduleUnit.Step ? Progress.Step : Progress.Epoch;
                if (metric.Observations != expected)
                {
                    throw new ArgumentException(
                        "The plateau schedule has observed " + metric.Observations + " metrics, but training is at " + (schedule.Unit == ScheduleUnit.Step ? "step " : "epoch ") + expected
                        + "; Reset() it for a new run, or restore its state with the checkpoint.", nameof(schedule));
                }
            }

            var history = new History();
            var callbackList = new List<ITrainingCallback>();
            var batchCallbacks = new List<IBatchCallback>();
            foreach (ICallback callback in callbacks ?? Array.Empty<ICallback>())
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

                if (shuffle)
                {
                    Progress.Rng.Shuffle(_order);
                }

                double firstRate = double.NaN;
                double rate = Rate(schedule, epoch);
                double lossSum = 0;
                int correct = 0;
                int batches = 0;
                string? stop = null;
                for (int start = 0; start < train.Count; start += batchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int batch = Math.Min(batchSize, train.Count - start);
                    if (schedule?.Unit == ScheduleUnit.Step)
                    {
                        rate = Rate(schedule, Progress.Step);
                    }

                    if (double.IsNaN(firstRate))
                    {
                        firstRate = rate;
                    }

                    double loss = TrainOn(train, _order.AsSpan(start, batch), rate, out int batchCorrect);
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

                    if (metric != null && schedule!.Unit == ScheduleUnit.Step)
                    {
                        metric.Observe(loss);
                    }

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

                if (metric != null && schedule!.Unit == ScheduleUnit.Epoch && stop == null)
                {
                    metric.Observe(evaluated?.Loss ?? trainLoss);
                }

                double seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
                var record = new EpochRecord(epoch, firstRate, rate, trainLoss, (double)correct / seen, evaluated?.Loss, evaluated?.Accuracy, seconds);
                history.Add(record);
                Progress.Epoch = epoch + 1;
                progress?.WriteLine(ProgressLine(record, epochs));
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
                    progress?.WriteLine(stop);
                    break;
                }
            }

            return history;
        }

        /// <summary>The rate for time index <paramref name="t"/>: the schedule's value (times the base rate for a factor schedule), or the base rate.</summary>
        private double Rate(ILearningRateSchedule? schedule, long t)
        {
            if (schedule == null)
            {
                return Optimizer.LearningRate;
            }

            double value = schedule.At(t);
            return schedule.IsAbsolute ? value : value * Optimizer.LearningRate;
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
