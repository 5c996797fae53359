using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// The schedule's side of training: the rate of each epoch or step (a factor schedule times the optimizer's base rate),
    /// and the metric a <c>plateau</c> schedule observes after each of its time units. One place, so the trainer's loop
    /// only asks and tells.
    /// </summary>
    internal sealed class ScheduleRates
    {
        private readonly IMetricSchedule? _metric;
        private readonly Optimizer _optimizer;
        private readonly AppliedChannel _rate;
        private readonly AppliedChannel _momentum;
        private readonly AppliedChannel _weightDecay;
        private readonly double _configuredMomentum;

        public ScheduleRates(ILearningRateSchedule? schedule, Optimizer optimizer, TrainingProgress progress, int stepsPerEpoch)
        {
            if (schedule?.Unit == ScheduleUnit.Step && WrittenStepsPerEpoch(schedule) is long written && written != stepsPerEpoch)
            {
                throw new ArgumentException(
                    "The schedule says 'steps-per-epoch " + written + "', but this training takes " + stepsPerEpoch + " steps per epoch (its samples in batches of the batch size); "
                    + "change the header, or the batch size", "schedule");
            }

            _metric = schedule as IMetricSchedule;
            _optimizer = optimizer;
            // Read once: the training step asks for every batch.
            _rate = new AppliedChannel(schedule, ScheduleChannel.LearningRate);
            _momentum = new AppliedChannel(schedule, ScheduleChannel.Momentum);
            _weightDecay = new AppliedChannel(schedule, ScheduleChannel.WeightDecay);
            _configuredMomentum = optimizer.ConfiguredMomentum ?? 0;
            if (_momentum.IsScheduled && optimizer.RefusesMomentum(_momentum.At(0, _configuredMomentum)) is string refused)
            {
                throw new ArgumentException("The schedule drives the momentum, but " + refused + ".", "schedule");
            }
            PerStep = schedule?.Unit == ScheduleUnit.Step;
            if (_metric != null)
            {
                long expected = PerStep ? progress.Step : progress.Epoch;
                if (_metric.Observations != expected)
                {
                    throw new ArgumentException(
                        "The plateau schedule has observed " + _metric.Observations + " metrics, but training is at " + (PerStep ? "step " : "epoch ") + expected
                        + "; Reset() it for a new run, or restore its state with the checkpoint.", "schedule");
                }
            }
        }

        /// <summary>
        /// The <c>steps-per-epoch</c> a schedule's text declares: read from its canonical text, which both generated and
        /// parsed schedules give as <c>ToString()</c>; null for a schedule without one (or a type of the user's own).
        /// </summary>
        private static long? WrittenStepsPerEpoch(ILearningRateSchedule schedule)
        {
            string? text = schedule.ToString();
            if (text == null)
            {
                return null;
            }

            try
            {
                return Schedule.Describe(text).StepsPerEpoch;
            }
            catch (ScheduleParseException)
            {
                return null; // not schedule text: a schedule type of the user's own
            }
        }

        /// <summary>Whether the rate changes at every optimizer step rather than every epoch.</summary>
        public bool PerStep { get; }

        /// <summary>The rate for time index <paramref name="t"/> (an epoch, or a step when <see cref="PerStep"/>).</summary>
        public double At(long t) => _rate.At(t, _optimizer.LearningRate);

        /// <summary>The momentum (β₁ for Adam) for time index <paramref name="t"/>: the schedule's, or the optimizer's own.</summary>
        /// <exception cref="InvalidOperationException">A factor momentum channel takes the momentum to 1 or above.</exception>
        public double Momentum(long t)
        {
            double value = _momentum.At(t, _configuredMomentum);
            if (_momentum.IsScheduled && !(value < 1))
            {
                throw new InvalidOperationException(
                    "The schedule's momentum at " + (PerStep ? "step " : "epoch ") + t + " is " + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                    + " (" + _optimizer.Describe() + "); a momentum must stay below 1, so keep its factors below 1 / the optimizer's momentum");
            }

            return value;
        }

        /// <summary>The decoupled weight decay for time index <paramref name="t"/>: the schedule's, or the optimizer's own.</summary>
        public double WeightDecay(long t) => _weightDecay.At(t, _optimizer.WeightDecay);

        /// <summary>After a step: a per-step plateau observes the batch loss.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AfterStep(double batchLoss)
        {
            if (_metric != null && PerStep)
            {
                _metric.Observe(batchLoss);
            }
        }

        /// <summary>After an epoch: a per-epoch plateau observes the validation loss, or the training loss without validation.</summary>
        public void AfterEpoch(double metric)
        {
            if (_metric != null && !PerStep)
            {
                _metric.Observe(metric);
            }
        }
    }
}
