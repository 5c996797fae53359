using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Globalization;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// An optimizer, with Keras's update rules and defaults. <see cref="LearningRate"/> is the base rate; a schedule given
    /// to <c>Sequential.Fit</c> sets the rate of each epoch or step (a factor schedule multiplies the base rate).
    /// Weight decay is decoupled, as in Keras: <c>p ← p − lr·wd·p</c> before each update. A schedule's momentum and
    /// weight-decay channels set those two for each step (<see cref="Step(double, double, double)"/>).
    /// </summary>
    public abstract class Optimizer
    {
        private float[][][] _slots = Array.Empty<float[][]>();
        private IReadOnlyList<Parameter> _bound = Array.Empty<Parameter>();
        private bool _slices;
        private bool _boundHasLarge;
        private Dictionary<Parameter, int> _index = new Dictionary<Parameter, int>();
        private int[] _offsets = Array.Empty<int>();
        private bool[] _updated = Array.Empty<bool>();
        private float _stepRate;
        private float _stepDecay = 1f;

        /// <summary>
        /// A buffer at least as long as the largest parameter, for the update rules' intermediate values (as long as all
        /// the parameters together: the library's rules update them at once on several threads, each slice in its own part).
        /// </summary>
        protected float[] Scratch { get; private set; } = Array.Empty<float>();

        /// <summary>An optimizer with its base rate and its decoupled weight decay (0: none).</summary>
        protected Optimizer(double learningRate, double weightDecay)
        {
            if (!(learningRate >= 0) || double.IsInfinity(learningRate))
            {
                throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a finite number ≥ 0.");
            }

            if (!(weightDecay >= 0) || double.IsInfinity(weightDecay))
            {
                throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be a finite number ≥ 0.");
            }

            LearningRate = learningRate;
            WeightDecay = weightDecay;
        }

        /// <summary>The base learning rate.</summary>
        public double LearningRate { get; }

        /// <summary>The decoupled weight decay per step, scaled by the rate (0: none).</summary>
        public double WeightDecay { get; }

        /// <summary>
        /// The optimizer's momentum hyperparameter, which a schedule's momentum channel drives: SGD's and RMSprop's momentum,
        /// β₁ of the Adam family; null for optimizers without one (AdaGrad, AdaDelta).
        /// </summary>
        public virtual double? ConfiguredMomentum => null;

        /// <summary>The momentum (β₁ for Adam) of the update being applied: the configured one, or the schedule's for this step.</summary>
        protected double CurrentMomentum { get; private set; }

        /// <summary>
        /// Whether the optimizer can take <paramref name="momentum"/> for a step; null when it can, else why not (SGD built
        /// without momentum keeps no velocity buffer).
        /// </summary>
        public virtual string? RefusesMomentum(double momentum) =>
            ConfiguredMomentum == null ? Describe() + " has no momentum to schedule; use sgd, rmsprop, adam or adamw"
            : !(momentum >= 0 && momentum < 1) ? "a momentum of " + F(momentum) + " is outside [0, 1)"
            : null;

        /// <summary>Updates applied so far (Keras's <c>iterations</c>; Adam's bias correction uses it).</summary>
        public long Iterations { get; internal set; }

        /// <summary>The name of the state buffers each parameter needs (<c>m</c>, <c>v</c> …).</summary>
        protected abstract string[] SlotNames { get; }

        /// <summary>The optimizer's name and hyperparameters, for checkpoints and reports.</summary>
        public abstract string Describe();

        /// <summary>
        /// Makes <paramref name="parameters"/> the tensors <see cref="Step(double)"/> updates, with fresh state buffers and
        /// <see cref="Iterations"/> at 0 (<c>Sequential.Compile</c> binds the model's parameters).
        /// </summary>
        public void Bind(IReadOnlyList<Parameter> parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException(nameof(parameters));
            }

            _bound = parameters;
            _slots = new float[parameters.Count][][];
            _index = new Dictionary<Parameter, int>(ReferenceEqualityComparer.Instance);
            _offsets = new int[parameters.Count];
            _updated = new bool[parameters.Count];
            long total = 0;
            int largest = 0;
            for (int p = 0; p < parameters.Count; p++)
            {
                _index.TryAdd(parameters[p], p);
                _offsets[p] = (int)Math.Min(total, int.MaxValue);
                total += parameters[p].Length;
                largest = Math.Max(largest, parameters[p].Length);
                _slots[p] = new float[SlotNames.Length][];
                for (int s = 0; s < SlotNames.Length; s++)
                {
                    _slots[p][s] = new float[parameters[p].Length];
                    InitializeSlot(s, _slots[p][s]);
                }
            }

            // Parameters too many for one array together are updated one at a time, each with the buffer from its start.
            Scratch = new float[total <= Array.MaxLength ? total : largest];
            Iterations = 0;
            _slices = IsElementwise && GetType().Assembly == typeof(Optimizer).Assembly && total <= Array.MaxLength;
            _boundHasLarge = AnyLarge(parameters);
        }

        /// <summary>Sets a state buffer's starting values (AdaGrad starts its accumulator at 0.1).</summary>
        protected virtual void InitializeSlot(int slot, float[] values)
        {
        }

        /// <summary>
        /// Applies one update with learning rate <paramref name="rate"/> to every bound parameter from its gradient, for a
        /// training loop of the user's own (gradients from <c>Sequential.ComputeGradients</c>).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The rate is negative, infinite or NaN.</exception>
        /// <exception cref="InvalidOperationException">No parameters are bound.</exception>
        public void Step(double rate) => Step(rate, ConfiguredMomentum ?? 0, WeightDecay);

        /// <summary>
        /// Applies one update with this step's learning rate, momentum (β₁ for Adam) and decoupled weight decay, as a schedule's
        /// channels give them (<see cref="IHyperparameterSchedule"/>); the optimizer's own values are unchanged.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A value is negative, infinite or NaN, or the momentum is not one this optimizer takes.</exception>
        /// <exception cref="InvalidOperationException">No parameters are bound.</exception>
        public void Step(double rate, double momentum, double weightDecay)
        {
            if (!(rate >= 0) || double.IsInfinity(rate))
            {
                throw new ArgumentOutOfRangeException(nameof(rate), rate, "The learning rate must be a finite number ≥ 0.");
            }

            if (!(weightDecay >= 0) || double.IsInfinity(weightDecay))
            {
                throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be a finite number ≥ 0.");
            }

            if (momentum != (ConfiguredMomentum ?? 0) && RefusesMomentum(momentum) is string why)
            {
                throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "This step's momentum cannot be applied: " + why + ".");
            }

            if (_bound.Count == 0)
            {
                throw new InvalidOperationException("Bind(parameters) the optimizer (or Compile a model with it) before Step.");
            }

            Update(_bound, rate, momentum, weightDecay);
        }

        /// <summary>One update of the bound parameters with the optimizer's own momentum and weight decay.</summary>
        internal void Update(IReadOnlyList<Parameter> parameters, double rate) => Update(parameters, rate, ConfiguredMomentum ?? 0, WeightDecay);

        /// <summary>One update of the bound parameters; the trainer's values are already checked.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Update(IReadOnlyList<Parameter> parameters, double rate, double momentum, double weightDecay)
        {
            BeginStep(rate, momentum, weightDecay);
            FinishStep(parameters);
        }

        /// <summary>
        /// Starts one update of the bound parameters (its rate, momentum and decay; the iteration count). Until
        /// <see cref="FinishStep"/>, a parameter whose gradient is complete may be updated in ranges by
        /// <see cref="UpdateRange"/>, on any threads, and marked with <see cref="MarkUpdated"/>; returns whether this
        /// optimizer can (the library's element-wise rules only, which give the same bits in any ranges).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal bool BeginStep(double rate, double momentum, double weightDecay)
        {
            Iterations++;
            CurrentMomentum = momentum;
            _stepRate = (float)rate;
            _stepDecay = weightDecay > 0 ? 1f - (float)(rate * weightDecay) : 1f;
            Array.Clear(_updated);
            return _slices && SliceAcrossWorkers;
        }

        /// <summary>
        /// Elements <paramref name="start"/> to <paramref name="end"/> of a bound parameter's update: its decay, then its rule,
        /// with the scratch buffer's part of those elements, so ranges that do not overlap may run at once on different threads.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void UpdateRange(Parameter parameter, int start, int end)
        {
            int p = _index[parameter];
            Span<float> value = parameter.Value.AsSpan(start, end - start);
            if (_stepDecay != 1f)
            {
                Kernels.Vec.Multiply(value, _stepDecay, value);
            }

            UpdateSlice(value, parameter.Gradient.AsSpan(start, end - start), _slots[p], start, _stepRate, Scratch.AsSpan(_offsets[p] + start, end - start));
        }

        /// <summary>Records that every element of <paramref name="parameter"/> has had this step's update (<see cref="FinishStep"/> leaves it).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void MarkUpdated(Parameter parameter) => _updated[_index[parameter]] = true;

        /// <summary>Updates the parameters of the step begun by <see cref="BeginStep"/> that were not updated during it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void FinishStep(IReadOnlyList<Parameter> parameters)
        {
            // The trainer passes the list it bound, whose sizes are known; a small network's step then looks at no sizes.
            bool anyLarge = ReferenceEquals(parameters, _bound) ? _boundHasLarge : AnyLarge(parameters);
            if (_slices && anyLarge && SliceAcrossWorkers && Kernels.WorkerPool.Shared.Workers > 1)
            {
                var job = new SliceJob(this, parameters, _slots, _updated, _stepDecay, _stepRate);
                Kernels.WorkerPool.Shared.Run(ref job, Kernels.WorkerPool.Shared.Workers);
                return;
            }

            for (int p = 0; p < parameters.Count; p++)
            {
                if (_updated[p])
                {
                    continue;
                }

                Parameter parameter = parameters[p];
                if (_stepDecay != 1f)
                {
                    Kernels.Vec.Multiply(parameter.Value, _stepDecay, parameter.Value);
                }

                Update(parameter.Value, parameter.Gradient, _slots[p], _stepRate);
            }
        }

        /// <summary>The update rule for one parameter.</summary>
        protected abstract void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr);

        /// <summary>Off in tests that compare slices with one pass.</summary>
        internal static bool SliceAcrossWorkers { get; set; } = true;

        /// <summary>Parameters at least this long are updated in slices across the worker pool (the update is memory-bound).</summary>
        private const int ParallelLength = 1 << 15;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool AnyLarge(IReadOnlyList<Parameter> parameters)
        {
            for (int p = 0; p < parameters.Count; p++)
            {
                if (parameters[p].Length >= ParallelLength)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <see cref="UpdateSlice"/> is the update rule: each element's new values depend on that element alone, so
        /// slices updated on different threads give the same bits as one pass. The library's optimizers say so; a rule
        /// defined outside the library (a class derived from <see cref="Adam"/> included, which may override
        /// <see cref="Update(Span{float}, ReadOnlySpan{float}, float[][], float)"/>) always runs in one call of it.
        /// </summary>
        private protected virtual bool IsElementwise => false;

        /// <summary>
        /// The update rule for elements <paramref name="start"/> … <paramref name="start"/> + <paramref name="value"/>.Length
        /// of a parameter (value and gradient already sliced; the slots whole), with <paramref name="scratch"/> as long as
        /// the slice and used by no other slice at the same time.
        /// </summary>
        private protected virtual void UpdateSlice(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, int start, float lr, Span<float> scratch) =>
            throw new NotSupportedException("This optimizer updates whole parameters only.");

        /// <summary>
        /// Every parameter's update in one pool job: each large parameter split into slices on vector boundaries, one per
        /// worker, and the small ones shared out whole. One hand-off per step instead of one per large parameter, with the
        /// small parameters off the caller's thread.
        /// </summary>
        private readonly struct SliceJob : Kernels.IWorkerJob
        {
            private readonly Optimizer _optimizer;
            private readonly IReadOnlyList<Parameter> _parameters;
            private readonly float[][][] _slots;
            private readonly bool[] _done;
            private readonly float _decay;
            private readonly float _lr;

            public SliceJob(Optimizer optimizer, IReadOnlyList<Parameter> parameters, float[][][] slots, bool[] done, float decay, float lr)
            {
                _optimizer = optimizer;
                _parameters = parameters;
                _slots = slots;
                _done = done;
                _decay = decay;
                _lr = lr;
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                int small = 0;
                int offset = 0;
                for (int p = 0; p < _parameters.Count; p++, offset += _parameters[p - 1].Length)
                {
                    Parameter parameter = _parameters[p];
                    int length = parameter.Length;
                    if (_done[p])
                    {
                        continue;
                    }

                    int start, end;
                    if (length >= ParallelLength)
                    {
                        int width = System.Numerics.Vector<float>.Count;
                        int vectors = length / width;
                        start = vectors * part / parts * width;
                        end = part == parts - 1 ? length : vectors * (part + 1) / parts * width;
                    }
                    else if (small++ % parts == part)
                    {
                        (start, end) = (0, length);
                    }
                    else
                    {
                        continue;
                    }

                    Span<float> value = parameter.Value.AsSpan(start, end - start);
                    if (_decay != 1f)
                    {
                        Kernels.Vec.Multiply(value, _decay, value);
                    }

                    // Each parameter's slice has its own part of the scratch buffer: the workers update different parameters at once.
                    _optimizer.UpdateSlice(value, parameter.Gradient.AsSpan(start, end - start), _slots[p], start, _lr, _optimizer.Scratch.AsSpan(offset + start, end - start));
                }
            }
        }

        /// <summary>The state buffers in the order of <see cref="State"/>, to restore a checkpoint into.</summary>
        internal IEnumerable<float[]> Buffers()
        {
            foreach (float[][] parameter in _slots)
            {
                foreach (float[] slot in parameter)
                {
                    yield return slot;
                }
            }
        }

        /// <summary>Every state buffer, named <c>optimizer.{parameter}.{slot}</c>, for checkpoints.</summary>
        internal IEnumerable<(string Name, float[] Values)> State(IReadOnlyList<Parameter> parameters, IReadOnlyList<string> names)
        {
            for (int p = 0; p < _slots.Length; p++)
            {
                for (int s = 0; s < SlotNames.Length; s++)
                {
                    yield return ("optimizer." + names[p] + "." + SlotNames[s], _slots[p][s]);
                }
            }
        }

        /// <summary>A number in the invariant round-trip form, for <see cref="Describe"/>.</summary>
        protected static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
