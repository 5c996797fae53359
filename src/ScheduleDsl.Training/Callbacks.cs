using System;
using System.Collections.Generic;

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

    /// <summary>What <see cref="EarlyStopping"/> watches (Keras's <c>monitor</c>).</summary>
    public enum EarlyStoppingMonitor
    {
        /// <summary>The validation loss when there is validation data, else the training loss.</summary>
        Auto,

        /// <summary>The training loss.</summary>
        Loss,

        /// <summary>The validation loss (training without validation data is then an error).</summary>
        ValidationLoss,

        /// <summary>The training accuracy (higher is better).</summary>
        Accuracy,

        /// <summary>The validation accuracy (higher is better).</summary>
        ValidationAccuracy,
    }

    /// <summary>A callback that needs the model it trains, given at the start of every <c>Fit</c>.</summary>
    internal interface IModelCallback : ICallback
    {
        void Bind(Sequential model);
    }

    /// <summary>
    /// Stops when the monitored quantity has not improved by more than <c>minDelta</c> for more than <c>patience</c>
    /// epochs (Keras <c>EarlyStopping</c>); with <c>restoreBestWeights</c> the model gets back the weights of its best
    /// epoch when it stops.
    /// </summary>
    public sealed class EarlyStopping : ITrainingCallback, IModelCallback
    {
        private double _best;
        private int _wait;
        private Sequential? _model;
        private float[][]? _bestWeights;

        /// <summary>Stops after <paramref name="patience"/> epochs without an improvement larger than <paramref name="minDelta"/> in <paramref name="monitor"/>.</summary>
        public EarlyStopping(int patience = 0, double minDelta = 0, EarlyStoppingMonitor monitor = EarlyStoppingMonitor.Auto, bool restoreBestWeights = false)
        {
            if (patience < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(patience), patience, "Patience must be 0 or more.");
            }

            if (!(minDelta >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "minDelta must be 0 or more.");
            }

            if (!Enum.IsDefined(monitor))
            {
                throw new ArgumentOutOfRangeException(nameof(monitor), monitor, "Unknown monitor.");
            }

            Patience = patience;
            MinDelta = minDelta;
            Monitor = monitor;
            RestoreBestWeights = restoreBestWeights;
            _best = HigherIsBetter ? double.NegativeInfinity : double.PositiveInfinity;
        }

        /// <summary>Epochs without improvement tolerated.</summary>
        public int Patience { get; }

        /// <summary>The smallest change that counts as an improvement.</summary>
        public double MinDelta { get; }

        /// <summary>What is watched.</summary>
        public EarlyStoppingMonitor Monitor { get; }

        /// <summary>Whether the best epoch's weights are restored when training stops.</summary>
        public bool RestoreBestWeights { get; }

        /// <summary>The epoch (0-based) with the best monitored value so far, or −1 before the first.</summary>
        public int BestEpoch { get; private set; } = -1;

        private bool HigherIsBetter => Monitor is EarlyStoppingMonitor.Accuracy or EarlyStoppingMonitor.ValidationAccuracy;

        void IModelCallback.Bind(Sequential model) => _model = model;

        /// <inheritdoc/>
        public bool AfterEpoch(EpochRecord record, out string? reason)
        {
            (double current, string name) = Read(record);
            bool improved = HigherIsBetter ? current > _best + MinDelta : current < _best - MinDelta;
            if (improved)
            {
                _best = current;
                _wait = 0;
                BestEpoch = record.Epoch;
                if (RestoreBestWeights)
                {
                    Snapshot();
                }

                reason = null;
                return true;
            }

            _wait++;
            if (_wait > Patience)
            {
                bool restored = RestoreBestWeights && Restore();
                reason = "early stopping: the " + name + " has not improved for " + _wait + " epochs (best " + _best.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)
                    + " at epoch " + (BestEpoch + 1) + (restored ? "; its weights were restored" : string.Empty) + ")";
                return false;
            }

            reason = null;
            return true;
        }

        private (double Value, string Name) Read(EpochRecord record) => Monitor switch
        {
            EarlyStoppingMonitor.Loss => (record.Loss, "training loss"),
            EarlyStoppingMonitor.ValidationLoss => (record.ValidationLoss ?? throw new InvalidOperationException("EarlyStopping monitors the validation loss, but Fit has no validation data."), "validation loss"),
            EarlyStoppingMonitor.Accuracy => (record.Accuracy, "training accuracy"),
            EarlyStoppingMonitor.ValidationAccuracy => (record.ValidationAccuracy ?? throw new InvalidOperationException("EarlyStopping monitors the validation accuracy, but Fit has no validation data."), "validation accuracy"),
            _ => record.ValidationLoss is double v ? (v, "validation loss") : (record.Loss, "training loss"),
        };

        private void Snapshot()
        {
            if (_model == null)
            {
                return;
            }

            IReadOnlyList<Parameter> parameters = _model.Parameters;
            _bestWeights ??= new float[parameters.Count][];
            for (int p = 0; p < parameters.Count; p++)
            {
                _bestWeights[p] = (float[])parameters[p].Value.Clone();
            }
        }

        private bool Restore()
        {
            if (_model == null || _bestWeights == null)
            {
                return false;
            }

            for (int p = 0; p < _bestWeights.Length; p++)
            {
                _model.Parameters[p].CopyFrom(_bestWeights[p]);
            }

            return true;
        }
    }
}
