using System;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The names users write for optimizers, activations and losses, and the suggestion for a misspelt one.</summary>
    public sealed class TrainingNamesTests
    {
        [Theory]
        [InlineData("sgd", typeof(Sgd), 0.01)]
        [InlineData("momentum", typeof(Sgd), 0.01)]
        [InlineData("adam", typeof(Adam), 0.001)]
        [InlineData("adamw", typeof(AdamW), 0.001)]
        public void OptimizersHaveTheirKerasDefaults(string name, Type type, double rate)
        {
            Optimizer optimizer = TrainingNames.Optimizers.Get(name)(null);
            Assert.IsType(type, optimizer);
            Assert.Equal(rate, optimizer.LearningRate);
            Assert.Equal(0.5, TrainingNames.Optimizers.Get(name)(0.5).LearningRate);
        }

        [Fact]
        public void AMisspeltNameIsRefusedWithTheNearestAndTheChoices()
        {
            var e = Assert.Throws<ArgumentException>(() => TrainingNames.Optimizers.Get("adamm"));
            Assert.StartsWith("Unknown optimizer 'adamm': expected sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam or adamw; did you mean 'adam'?", e.Message, StringComparison.Ordinal);
            Assert.Equal(string.Empty, TrainingNames.Activations.DidYouMean("xyzzy"));
            Assert.Equal("; did you mean 'relu'?", TrainingNames.Activations.DidYouMean("rleu"));
        }

        [Fact]
        public void LossesComeWithTheOutputActivationTheyExpect()
        {
            Assert.Equal(new LossChoice(Loss.CategoricalCrossEntropy, Activation.Softmax), TrainingNames.Losses.Get("cce"));
            Assert.Equal(Activation.Sigmoid, TrainingNames.Losses.Get("bce").Output);
            Assert.False(TrainingNames.Losses.TryGet("CCE", out _));
        }

        [Fact]
        public void ANameRegisteredTwiceIsRefused() =>
            Assert.Throws<ArgumentException>(() => new NameRegistry<int>("thing", new[] { new System.Collections.Generic.KeyValuePair<string, int>("a", 1), new System.Collections.Generic.KeyValuePair<string, int>("a", 2) }));
    }
}
