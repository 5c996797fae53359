using System;
using ScheduleDsl.Language;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl
{
    /// <summary>A schedule parsed at run time and evaluated by walking its model.</summary>
    internal class InterpretedSchedule : IHyperparameterSchedule
    {
        private readonly string _canonical;

        public InterpretedSchedule(ScheduleModel model)
        {
            Model = model;
            _canonical = CanonicalWriter.Write(model);
        }

        internal ScheduleModel Model { get; }

        public ScheduleUnit Unit => Model.Unit;

        public bool IsAbsolute => Model.IsAbsolute(ScheduleChannel.LearningRate);

        protected virtual PlateauState[]? States => null;

        public double At(long t)
        {
            Levels.CheckTime(t);
            return Model.At(t, States);
        }

        public bool Schedules(ScheduleChannel channel) => Model.Find(channel) != null;

        public bool IsAbsoluteFor(ScheduleChannel channel) => Model.IsAbsolute(channel);

        public double At(ScheduleChannel channel, long t)
        {
            Levels.CheckTime(t);
            return Model.At(channel, t, States);
        }

        /// <summary>The canonical schedule text; parsing it gives the same schedule.</summary>
        public override string ToString() => _canonical;
    }

    /// <summary>A parsed schedule with <c>plateau</c> phases, holding their state.</summary>
    internal sealed class InterpretedMetricSchedule : InterpretedSchedule, IMetricSchedule
    {
        private readonly PlateauState[] _states;

        public InterpretedMetricSchedule(ScheduleModel model)
            : base(model)
        {
            _states = new PlateauState[model.PlateauCount];
        }

        public long Observations { get; private set; }

        protected override PlateauState[]? States => _states;

        public void Observe(double metric)
        {
            if (double.IsNaN(metric))
            {
                throw new ArgumentException("The observed metric is NaN; a plateau schedule cannot compare it with the best so far.", nameof(metric));
            }

            if (Observations == long.MaxValue)
            {
                throw new InvalidOperationException(PlateauState.TooManyObservations);
            }

            Model.Observe(Observations, metric, _states);
            Observations++;
        }

        public MetricScheduleState GetState() => new MetricScheduleState(Observations, (PlateauState[])_states.Clone());

        public void SetState(MetricScheduleState state)
        {
            if (state == null)
            {
                throw new ArgumentNullException(nameof(state));
            }

            if (state.Plateaus.Count != _states.Length)
            {
                throw new ArgumentException(
                    "The state holds " + state.Plateaus.Count + " plateau phase(s) but this schedule has " + _states.Length + ".", nameof(state));
            }

            for (int i = 0; i < _states.Length; i++)
            {
                _states[i] = state.Plateaus[i];
            }

            Observations = state.Observations;
        }

        public void Reset()
        {
            Array.Clear(_states, 0, _states.Length);
            Observations = 0;
        }
    }
}
