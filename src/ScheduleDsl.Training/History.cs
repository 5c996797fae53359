using System.Collections.Generic;

namespace ScheduleDsl.Training
{
    /// <summary>What one epoch did.</summary>
    public sealed record EpochRecord(
        int Epoch,
        double LearningRate,
        double LastLearningRate,
        double Loss,
        double Accuracy,
        double? ValidationLoss,
        double? ValidationAccuracy,
        double Seconds);

    /// <summary>The record of a <c>Sequential.Fit</c> run, one entry per epoch, and why it stopped early if it did.</summary>
    public sealed class History
    {
        private readonly List<EpochRecord> _epochs = new List<EpochRecord>();

        /// <summary>One record per epoch trained, in order.</summary>
        public IReadOnlyList<EpochRecord> Epochs => _epochs;

        /// <summary>Null when every epoch ran; else what stopped training (early stopping, a NaN loss …).</summary>
        public string? StopReason { get; internal set; }

        /// <summary>True when training stopped because the loss (training or validation) stopped being a finite number.</summary>
        public bool Diverged { get; internal set; }

        internal void Add(EpochRecord record) => _epochs.Add(record);
    }
}
