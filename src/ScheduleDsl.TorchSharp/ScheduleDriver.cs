using System;
using System.Collections.Generic;
using System.Globalization;
using static TorchSharp.torch.optim;

namespace ScheduleDsl.TorchSharp
{
    /// <summary>
    /// Drives a TorchSharp optimizer's parameter groups from a ScheduleDsl schedule: at every time index it sets each group's
    /// learning rate (a factor schedule times the group's initial rate), and, when the text schedules them, its momentum
    /// (or β₁ of the Adam family) and its weight decay. Create it with <c>optimizer.UseSchedule(…)</c>; it applies time 0
    /// at once, and <see cref="Step()"/> after each <c>optimizer.step()</c> moves to the next step or epoch. Allocation-free
    /// per step.
    /// </summary>
    public sealed class ScheduleDriver
    {
        private readonly GroupHyperparameters[] _groups;
        private readonly ILearningRateSchedule[] _schedules;
        private readonly AppliedChannel[] _rates;
        private readonly AppliedChannel[] _momenta;
        private readonly AppliedChannel[] _weightDecays;
        private readonly IMetricSchedule?[] _metrics;
        private readonly bool _hasPlateau;
        private readonly AbsoluteRates _absoluteRates;
        private double[] _baseRates;
        private double[] _baseMomenta;
        private double[] _baseWeightDecays;

        internal ScheduleDriver(IReadOnlyList<ILearningRateController> groups, IReadOnlyList<ILearningRateSchedule> schedules, ScheduleDriverOptions? options)
        {
            if (groups == null)
            {
                throw new ArgumentNullException(nameof(groups));
            }

            if (schedules == null || schedules.Count == 0)
            {
                throw new ArgumentException("Give a schedule (or one per parameter group).", nameof(schedules));
            }

            if (groups.Count == 0)
            {
                throw new ArgumentException("The optimizer has no parameter groups to schedule.", nameof(groups));
            }

            if (schedules.Count != 1 && schedules.Count != groups.Count)
            {
                throw new ArgumentException("Give one schedule for every group, or one for all: the optimizer has " + groups.Count + " groups, not " + schedules.Count + ".", nameof(schedules));
            }

            _absoluteRates = options?.AbsoluteRates ?? AbsoluteRates.SameForEveryGroup;
            _groups = new GroupHyperparameters[groups.Count];
            for (int g = 0; g < groups.Count; g++)
            {
                _groups[g] = new GroupHyperparameters(groups[g]);
            }

            _schedules = new ILearningRateSchedule[schedules.Count];
            _rates = new AppliedChannel[schedules.Count];
            _momenta = new AppliedChannel[schedules.Count];
            _weightDecays = new AppliedChannel[schedules.Count];
            _metrics = new IMetricSchedule?[schedules.Count];
            for (int i = 0; i < schedules.Count; i++)
            {
                ILearningRateSchedule schedule = schedules[i] ?? throw new ArgumentNullException(nameof(schedules), "Schedule " + i + " is null.");
                if (schedule.Unit != schedules[0].Unit)
                {
                    throw new ArgumentException("Every group's schedule must count the same unit: schedule 0 is per " + Word(schedules[0].Unit) + ", schedule " + i + " per " + Word(schedule.Unit) + ".", nameof(schedules));
                }

                _schedules[i] = schedule;
                _rates[i] = new AppliedChannel(schedule, ScheduleChannel.LearningRate);
                _momenta[i] = new AppliedChannel(schedule, ScheduleChannel.Momentum);
                _weightDecays[i] = new AppliedChannel(schedule, ScheduleChannel.WeightDecay);
                _metrics[i] = schedule as IMetricSchedule;
                if (_metrics[i] is IMetricSchedule metric && metric.Observations != 0)
                {
                    throw new ArgumentException("Schedule " + i + " has already observed " + metric.Observations + " metrics; Reset() it, or restore its state with SetState.", nameof(schedules));
                }

                _hasPlateau |= _metrics[i] != null;
            }

            _baseRates = new double[_groups.Length];
            _baseMomenta = new double[_groups.Length];
            _baseWeightDecays = new double[_groups.Length];
            for (int g = 0; g < _groups.Length; g++)
            {
                GroupHyperparameters group = _groups[g];
                _baseRates[g] = group.Group.InitialLearningRate;
                _baseMomenta[g] = group.Momentum;
                _baseWeightDecays[g] = group.WeightDecay;
                int s = _schedules.Length == 1 ? 0 : g;
                if (_momenta[s].IsScheduled && !group.HasMomentum)
                {
                    throw new ArgumentException("The schedule drives the momentum, but parameter group " + g + " (" + group.Kind + ") has neither a momentum nor Adam's betas; use SGD, RMSprop or the Adam family.", nameof(groups));
                }

                if (_weightDecays[s].IsScheduled && !group.HasWeightDecay)
                {
                    throw new ArgumentException("The schedule drives the weight decay, but parameter group " + g + " (" + group.Kind + ") has no weight decay this driver can set.", nameof(groups));
                }
            }

            if (_absoluteRates == AbsoluteRates.ProportionalToInitialRates && !(_baseRates[0] > 0))
            {
                throw new ArgumentException("Rates proportional to the initial rates need a first group with an initial rate above 0, not " + _baseRates[0].ToString("R", CultureInfo.InvariantCulture) + ".", nameof(options));
            }

            Apply();
        }

        /// <summary>The time index whose values the groups hold now: the step (or epoch) the next <c>optimizer.step()</c> takes.</summary>
        public long Time { get; private set; }

        /// <summary>What <see cref="Time"/> counts: optimizer steps or epochs (the schedule's <c>per</c>).</summary>
        public ScheduleUnit Unit => _schedules[0].Unit;

        /// <summary>The schedules, one for all groups or one per group.</summary>
        public IReadOnlyList<ILearningRateSchedule> Schedules => _schedules;

        /// <summary>The parameter groups the driver sets.</summary>
        public int GroupCount => _groups.Length;

        /// <summary>Moves to the next time index and sets its values. A schedule with a <c>plateau</c> needs <see cref="Step(double)"/>.</summary>
        /// <exception cref="InvalidOperationException">The schedule has a plateau phase, which needs the metric.</exception>
        public void Step()
        {
            if (_hasPlateau)
            {
                throw new InvalidOperationException("The schedule has a plateau phase, which decides from the metric: call Step(metric) (or OnEpochEnd(metric)) with the validation loss.");
            }

            Advance();
        }

        /// <summary>
        /// Moves to the next time index after <paramref name="metric"/> (the validation loss, say) was measured for the
        /// current one; plateau phases observe it, other schedules ignore it.
        /// </summary>
        /// <exception cref="ArgumentException">The metric is NaN.</exception>
        public void Step(double metric)
        {
            if (double.IsNaN(metric))
            {
                throw new ArgumentException("The metric is NaN; a plateau cannot compare it with the best so far.", nameof(metric));
            }

            foreach (IMetricSchedule? schedule in _metrics)
            {
                schedule?.Observe(metric);
            }

            Advance();
        }

        /// <summary>Call after each batch's <c>optimizer.step()</c>: advances a per-step schedule, and does nothing for a per-epoch one.</summary>
        public void OnBatchEnd(double? metric = null)
        {
            if (Unit == ScheduleUnit.Step)
            {
                StepWith(metric);
            }
        }

        /// <summary>Call after each epoch: advances a per-epoch schedule (a plateau observes <paramref name="metric"/>), and does nothing for a per-step one.</summary>
        public void OnEpochEnd(double? metric = null)
        {
            if (Unit == ScheduleUnit.Epoch)
            {
                StepWith(metric);
            }
        }

        /// <summary>A copy of what resuming needs: the time, plateau states, the schedules' texts and the groups' base values.</summary>
        public ScheduleDriverState GetState()
        {
            var texts = new string[_schedules.Length];
            var plateaus = new MetricScheduleState?[_schedules.Length];
            for (int i = 0; i < _schedules.Length; i++)
            {
                texts[i] = _schedules[i].ToString() ?? string.Empty;
                plateaus[i] = _metrics[i]?.GetState();
            }

            return new ScheduleDriverState(texts, Time, plateaus, (double[])_baseRates.Clone(), (double[])_baseMomenta.Clone(), (double[])_baseWeightDecays.Clone());
        }

        /// <summary>Restores a state from <see cref="GetState"/> (or a saved file) and sets that time index's values in the groups.</summary>
        /// <exception cref="ArgumentException">The state belongs to other schedules or another number of groups.</exception>
        public void SetState(ScheduleDriverState state)
        {
            if (state == null)
            {
                throw new ArgumentNullException(nameof(state));
            }

            if (state.Schedules.Count != _schedules.Length)
            {
                throw new ArgumentException("The state holds " + state.Schedules.Count + " schedule(s); this driver has " + _schedules.Length + ".", nameof(state));
            }

            for (int i = 0; i < _schedules.Length; i++)
            {
                string current = _schedules[i].ToString() ?? string.Empty;
                if (state.Schedules[i] != current)
                {
                    throw new ArgumentException("The state was saved with the schedule '" + state.Schedules[i] + "', but this driver runs '" + current + "'.", nameof(state));
                }

                if ((state.Plateaus[i] == null) != (_metrics[i] == null))
                {
                    throw new ArgumentException("The state's plateau states do not match schedule " + i + ".", nameof(state));
                }
            }

            if (state.BaseRates.Count != _groups.Length || state.BaseMomenta.Count != _groups.Length || state.BaseWeightDecays.Count != _groups.Length)
            {
                throw new ArgumentException("The state holds " + state.BaseRates.Count + " parameter group(s); the optimizer has " + _groups.Length + ".", nameof(state));
            }

            for (int i = 0; i < _schedules.Length; i++)
            {
                if (state.Plateaus[i] is MetricScheduleState plateau)
                {
                    if (plateau.Observations != state.Time)
                    {
                        throw new ArgumentException("The state's plateau has observed " + plateau.Observations + " metrics at time " + state.Time + "; they must be equal.", nameof(state));
                    }

                    _metrics[i]!.SetState(plateau);
                }
            }

            _baseRates = Copy(state.BaseRates);
            _baseMomenta = Copy(state.BaseMomenta);
            _baseWeightDecays = Copy(state.BaseWeightDecays);
            Time = state.Time;
            Apply();
        }

        /// <summary>Saves <see cref="GetState"/> as JSON, beside the optimizer's own <c>save_state_dict</c> file.</summary>
        public void Save(string path) => GetState().Save(path);

        /// <summary>Loads a file written by <see cref="Save"/> into this driver (its schedules' texts must match).</summary>
        public void Load(string path) => SetState(ScheduleDriverState.Load(path));

        private void StepWith(double? metric)
        {
            if (metric is double m)
            {
                Step(m);
            }
            else
            {
                Step();
            }
        }

        private void Advance()
        {
            if (Time == long.MaxValue)
            {
                throw new InvalidOperationException("The schedule is at the last time index there is.");
            }

            Time++;
            Apply();
        }

        /// <summary>Sets every group's rate, momentum and weight decay for <see cref="Time"/>.</summary>
        private void Apply()
        {
            long t = Time;
            for (int g = 0; g < _groups.Length; g++)
            {
                int s = _schedules.Length == 1 ? 0 : g;
                GroupHyperparameters group = _groups[g];
                AppliedChannel rate = _rates[s];
                double value = rate.At(t, _baseRates[g]);
                group.Group.LearningRate = rate.IsAbsolute && _absoluteRates == AbsoluteRates.ProportionalToInitialRates ? value * _baseRates[g] / _baseRates[0] : value;
                if (_momenta[s].IsScheduled)
                {
                    double momentum = _momenta[s].At(t, _baseMomenta[g]);
                    if (!(momentum >= 0 && momentum < 1))
                    {
                        throw new InvalidOperationException("The schedule's momentum for group " + g + " at " + Word(Unit) + " " + t + " is " + momentum.ToString("R", CultureInfo.InvariantCulture) + "; a momentum lies in [0, 1).");
                    }

                    group.SetMomentum(momentum);
                }

                if (_weightDecays[s].IsScheduled)
                {
                    group.SetWeightDecay(_weightDecays[s].At(t, _baseWeightDecays[g]));
                }
            }
        }

        private static double[] Copy(IReadOnlyList<double> values)
        {
            var copy = new double[values.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = values[i];
            }

            return copy;
        }

        private static string Word(ScheduleUnit unit) => unit == ScheduleUnit.Step ? "step" : "epoch";
    }
}
