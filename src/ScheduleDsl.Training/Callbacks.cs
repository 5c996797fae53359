using System;

namespace ScheduleDsl.Training
{
    /// <summary>Something <c>Sequential.Fit</c> calls during training: an <see cref="ITrainingCallback"/> or an <see cref="IBatchCallback"/>.</summary>
    public interface ICallback
    {
    }

    /// <summary>Called after each epoch; return false to stop training.</summary>
    public interface ITrainingCallback : ICallback
    {
        /// <summary>Returns false to stop; <paramref name="reason"/> then says why (it lands in <see cref="History.StopReason"/>).</summary>
        bool AfterEpoch(EpochRecord record, out string? reason);
    }

    /// <summary>Called after each optimizer step, for callbacks that follow training batch by batch (a learning-rate range test).</summary>
    public interface IBatchCallback : ICallback
    {
        /// <summary>Returns false to stop training; <paramref name="reason"/> then says why.</summary>
        bool AfterBatch(long step, double rate, double loss, out string? reason);
    }

    /// <summary>
    /// Stops when the monitored loss (validation loss if there is validation data, else training loss) has not improved by
    /// more than <c>minDelta</c> for more than <c>patience</c> epochs (Keras <c>EarlyStopping</c>).
    /// </summary>
    public sealed class EarlyStopping : ITrainingCallback
    {
        private double _best = double.PositiveInfinity;
        private int _wait;

        public EarlyStopping(int patience = 0, double minDelta = 0)
        {
            if (patience < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(patience), patience, "Patience must be 0 or more.");
            }

            if (!(minDelta >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "minDelta must be 0 or more.");
            }

            Patience = patience;
            MinDelta = minDelta;
        }

        public int Patience { get; }

        public double MinDelta { get; }

        public bool AfterEpoch(EpochRecord record, out string? reason)
        {
            double current = record.ValidationLoss ?? record.Loss;
            if (current < _best - MinDelta)
            {
                _best = current;
                _wait = 0;
                reason = null;
                return true;
            }

            _wait++;
            if (_wait > Patience)
            {
                reason = "early stopping: the " + (record.ValidationLoss != null ? "validation" : "training") + " loss has not improved for " + _wait + " epochs (best " + _best.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) + ")";
                return false;
            }

            reason = null;
            return true;
        }
    }
}
