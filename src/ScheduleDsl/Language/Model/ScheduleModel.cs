namespace ScheduleDsl.Language.Model
{
    /// <summary>A valid schedule: the header and the tree of phases. Immutable; the plateau state lives with whoever evaluates it.</summary>
    internal sealed class ScheduleModel
    {
        public ScheduleModel(Written? lr, ScheduleUnit unit, bool unitWritten, Written? min, ScheduleNode root, int plateauCount, Written? stepsPerEpoch = null)
        {
            StepsPerEpoch = stepsPerEpoch;
            Lr = lr;
            Unit = unit;
            UnitWritten = unitWritten;
            Min = min;
            Root = root;
            PlateauCount = plateauCount;
            root.Bind(StartLevel);
        }

        /// <summary>The <c>lr</c> header: values are absolute rates starting at it. Without it values are factors starting at 1.</summary>
        public Written? Lr { get; }

        public ScheduleUnit Unit { get; }

        public bool UnitWritten { get; }

        /// <summary>The <c>min</c> header: a lower bound on every value.</summary>
        public Written? Min { get; }

        public ScheduleNode Root { get; }

        /// <summary>The <c>steps-per-epoch N</c> header: what <c>K epochs</c> means in a per-step schedule, and what a trainer checks.</summary>
        public Written? StepsPerEpoch { get; }

        public int PlateauCount { get; }

        public bool IsStateful => PlateauCount > 0;

        public double StartLevel => Lr?.Value ?? 1.0;

        /// <summary>The value at time <paramref name="t"/> ≥ 0, given the plateau states (null: none observed yet).</summary>
        public double At(long t, PlateauState[]? states)
        {
            double value = Root.Value(t, StartLevel, states);
            if (Min is Written min && value < min.Value)
            {
                value = min.Value;
            }

            return Levels.Saturate(value);
        }

        /// <summary>Hands the metric observed at the end of time <paramref name="t"/> to the plateau phases active then.</summary>
        public void Observe(long t, double metric, PlateauState[] states) => Root.Observe(t, metric, StartLevel, states);
    }
}
