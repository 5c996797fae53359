using System;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace ScheduleDsl.TorchSharp.Tests
{
    /// <summary>TorchSharp's own parameter groups, built without parameters: managed objects, no native library behind them.</summary>
    internal static class Groups
    {
        public static SGD.ParamGroup Sgd(double lr, double momentum = 0.9, double weightDecay = 0) =>
            new SGD.ParamGroup(Array.Empty<Parameter>(), new SGD.Options { LearningRate = lr, InitialLearningRate = lr, momentum = momentum, weight_decay = weightDecay, dampening = 0, nesterov = false, maximize = false });

        public static Adam.ParamGroup Adam(double lr, double beta1 = 0.9, double beta2 = 0.999, double weightDecay = 0) =>
            new Adam.ParamGroup(Array.Empty<Parameter>(), new Adam.Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, weight_decay = weightDecay, eps = 1e-8, amsgrad = false, maximize = false });

        public static Adagrad.ParamGroup Adagrad(double lr) =>
            new Adagrad.ParamGroup(Array.Empty<Parameter>(), new Adagrad.Options { LearningRate = lr, InitialLearningRate = lr, weight_decay = 0 });

        /// <summary>A group of an optimizer of the user's own: a rate and nothing else.</summary>
        public sealed class RateOnly : ILearningRateController
        {
            public RateOnly(double lr)
            {
                LearningRate = lr;
                InitialLearningRate = lr;
            }

            public double LearningRate { get; set; }

            public double InitialLearningRate { get; set; }
        }
    }
}
