using System;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace ScheduleDsl.TorchSharp
{
    /// <summary>
    /// One parameter group's hyperparameters as the driver sets them: the rate (<see cref="ILearningRateController"/>), the
    /// momentum (<see cref="IMomentum"/>, or β₁ of <see cref="IBetas"/>) and the decoupled weight decay of its options. The
    /// accessors are resolved once; setting them allocates nothing.
    /// </summary>
    internal sealed class GroupHyperparameters
    {
        private readonly IMomentum? _momentum;
        private readonly IBetas? _betas;
        private readonly OptimizerOptions? _options;

        public GroupHyperparameters(ILearningRateController group)
        {
            Group = group ?? throw new ArgumentNullException(nameof(group));
            _momentum = group as IMomentum;
            _betas = _momentum == null ? group as IBetas : null;
            _options = (group as ParamGroup)?.Options;
        }

        public ILearningRateController Group { get; }

        /// <summary>Whether the group has a momentum (SGD, RMSprop) or a β₁ (the Adam family) to set.</summary>
        public bool HasMomentum => _momentum != null || _betas != null;

        /// <summary>Whether the group's options carry a weight decay this driver knows how to set.</summary>
        public bool HasWeightDecay => TryGetWeightDecay(_options, out _);

        /// <summary>The group's momentum or β₁ now; NaN when it has none.</summary>
        public double Momentum => _momentum?.Momentum ?? _betas?.Betas.Item1 ?? double.NaN;

        /// <summary>The group's weight decay now; NaN when it has none this driver can set.</summary>
        public double WeightDecay => TryGetWeightDecay(_options, out double value) ? value : double.NaN;

        /// <summary>What the group is, for messages: its parameter-group type.</summary>
        public string Kind => Group.GetType().FullName ?? Group.GetType().Name;

        public void SetMomentum(double value)
        {
            if (_momentum != null)
            {
                _momentum.Momentum = value;
            }
            else if (_betas != null)
            {
                (double _, double beta2) = _betas.Betas;
                _betas.Betas = (value, beta2);
            }
        }

        public void SetWeightDecay(double value)
        {
            ref double? field = ref WeightDecayField(_options, out bool found);
            if (!found)
            {
                throw new InvalidOperationException("The parameter group " + Kind + " has no weight decay to set.");
            }

            field = value;
        }

        /// <summary>The weight decay of the optimizers TorchSharp gives one (an unset value reads as 0, as the optimizers read it).</summary>
        private static bool TryGetWeightDecay(OptimizerOptions? options, out double value)
        {
            double? field = WeightDecayField(options, out bool found);
            value = found ? field ?? 0 : double.NaN;
            return found;
        }

        /// <summary>Where options of another type (or none) point: never written, as <c>found</c> is false.</summary>
        private static double? s_noWeightDecay;

        /// <summary>The options' <c>weight_decay</c> field, one switch for reading and writing it.</summary>
        private static ref double? WeightDecayField(OptimizerOptions? options, out bool found)
        {
            found = true;
            switch (options)
            {
                case SGD.Options o: return ref o.weight_decay;
                case Adam.Options o: return ref o.weight_decay;
                case AdamW.Options o: return ref o.weight_decay;
                case RMSProp.Options o: return ref o.weight_decay;
                case Adagrad.Options o: return ref o.weight_decay;
                case Adadelta.Options o: return ref o.weight_decay;
                case Adamax.Options o: return ref o.weight_decay;
                case NAdam.Options o: return ref o.weight_decay;
                case RAdam.Options o: return ref o.weight_decay;
                case ASGD.Options o: return ref o.weight_decay;
                default:
                    found = false;
                    return ref s_noWeightDecay;
            }
        }
    }
}
