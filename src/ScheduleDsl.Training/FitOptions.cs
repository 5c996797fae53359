using System;
using System.Collections.Generic;
using System.Threading;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// How <see cref="Sequential.Fit(float[,], int[], FitOptions)"/> trains, with Keras's names and defaults: epochs, batch
    /// size, the schedule, the seed, shuffling, validation data or split, callbacks, progress lines and cancellation.
    /// </summary>
    public sealed record FitOptions
    {
        /// <summary>Train until this many epochs are done in all, counting earlier <c>Fit</c> calls (Keras's <c>epochs</c> with <c>initial_epoch</c>).</summary>
        public int Epochs { get; init; } = 1;

        /// <summary>Samples per optimizer step (default 32).</summary>
        public int BatchSize { get; init; } = 32;

        /// <summary>
        /// The rate of each epoch (<c>per epoch</c>) or optimizer step (<c>per step</c>); a factor schedule multiplies the
        /// optimizer's base rate. A <c>plateau</c> schedule observes the validation loss (or the training loss without
        /// validation data) after each epoch, or the batch loss after each step. Null: the optimizer's constant rate.
        /// </summary>
        public ILearningRateSchedule? Schedule { get; init; }

        /// <summary>Sets the initial weights and the shuffling when the model has not been initialized: the same seed gives the same history, bit for bit.</summary>
        public int Seed { get; init; }

        /// <summary>Whether each epoch visits the samples in a new random order (default true).</summary>
        public bool Shuffle { get; init; } = true;

        /// <summary>Validation samples, evaluated after every epoch; give <see cref="ValidationLabels"/> (or, for <c>Fit</c> on targets, <see cref="ValidationTargets"/>) with them.</summary>
        public float[,]? ValidationX { get; init; }

        /// <summary>The class of each validation sample.</summary>
        public int[]? ValidationLabels { get; init; }

        /// <summary>The targets of the validation samples, <c>[samples, outputs]</c>.</summary>
        public float[,]? ValidationTargets { get; init; }

        /// <summary>The fraction of the training data held out for validation instead (Keras's <c>validation_split</c>: the last samples), in [0, 1).</summary>
        public double ValidationSplit { get; init; }

        /// <summary><see cref="ITrainingCallback"/>s (after each epoch) and <see cref="IBatchCallback"/>s (after each step).</summary>
        public IReadOnlyList<ICallback> Callbacks { get; init; } = Array.Empty<ICallback>();

        /// <summary>Receives one Keras-style line per epoch, and the reason when training stops early (null: silent).</summary>
        public Action<string>? Progress { get; init; }

        /// <summary>
        /// Checked before every step: a cancelled run throws <see cref="OperationCanceledException"/> with the weights as the
        /// last completed step left them; the interrupted epoch is not counted, so a later <c>Fit</c> runs it again.
        /// </summary>
        public CancellationToken CancellationToken { get; init; }
    }
}
