using System;
using System.Collections.Generic;

namespace ScheduleDsl.Training
{
    /// <summary>A loss and the output activation it expects (softmax for categorical cross-entropy …).</summary>
    /// <param name="Loss">The loss.</param>
    /// <param name="Output">The activation of the last layer that the loss is meant for.</param>
    public sealed record LossChoice(Loss Loss, Activation Output);

    /// <summary>
    /// The names of optimizers, activations and losses as a command line or a config file writes them (Keras' spelling),
    /// with their defaults; the <c>schedule</c> tool reads its options through these.
    /// </summary>
    public static class TrainingNames
    {
        /// <summary>
        /// Optimizers by name, each a factory taking the learning rate (null: its Keras default, 0.01 for the SGD family
        /// and 0.001 for the adaptive ones): <c>sgd</c>, <c>momentum</c> (SGD with momentum 0.9), <c>nesterov</c>,
        /// <c>adagrad</c>, <c>adadelta</c>, <c>rmsprop</c>, <c>adam</c>, <c>adamw</c>.
        /// </summary>
        public static NameRegistry<Func<double?, Optimizer>> Optimizers { get; } = new NameRegistry<Func<double?, Optimizer>>("optimizer", new[]
        {
            Entry<Func<double?, Optimizer>>("sgd", lr => new Sgd(lr ?? 0.01)),
            Entry<Func<double?, Optimizer>>("momentum", lr => new Sgd(lr ?? 0.01, momentum: 0.9)),
            Entry<Func<double?, Optimizer>>("nesterov", lr => new Sgd(lr ?? 0.01, momentum: 0.9, nesterov: true)),
            Entry<Func<double?, Optimizer>>("adagrad", lr => new AdaGrad(lr ?? 0.001)),
            Entry<Func<double?, Optimizer>>("adadelta", lr => new AdaDelta(lr ?? 0.001)),
            Entry<Func<double?, Optimizer>>("rmsprop", lr => new RmsProp(lr ?? 0.001)),
            Entry<Func<double?, Optimizer>>("adam", lr => new Adam(lr ?? 0.001)),
            Entry<Func<double?, Optimizer>>("adamw", lr => new AdamW(lr ?? 0.001)),
        });

        /// <summary>Hidden-layer activations by name: <c>relu</c>, <c>tanh</c>, <c>sigmoid</c>, <c>linear</c>.</summary>
        public static NameRegistry<Activation> Activations { get; } = new NameRegistry<Activation>("activation", new[]
        {
            Entry("relu", Activation.Relu),
            Entry("tanh", Activation.Tanh),
            Entry("sigmoid", Activation.Sigmoid),
            Entry("linear", Activation.Linear),
        });

        /// <summary>
        /// Losses by name, with the output activation each expects: <c>cce</c> (softmax), <c>bce</c> (sigmoid),
        /// <c>mse</c> (linear).
        /// </summary>
        public static NameRegistry<LossChoice> Losses { get; } = new NameRegistry<LossChoice>("loss", new[]
        {
            Entry("cce", new LossChoice(Loss.CategoricalCrossEntropy, Activation.Softmax)),
            Entry("bce", new LossChoice(Loss.BinaryCrossEntropy, Activation.Sigmoid)),
            Entry("mse", new LossChoice(Loss.MeanSquaredError, Activation.Linear)),
        });

        private static KeyValuePair<string, T> Entry<T>(string name, T value) => new KeyValuePair<string, T>(name, value);
    }
}
