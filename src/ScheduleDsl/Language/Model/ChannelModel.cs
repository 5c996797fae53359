namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// One channel of a schedule: the hyperparameter it drives, its header's start level and floor, and its tree of phases.
    /// A channel derived from a kernel's <c>momentum</c> option has no text of its own.
    /// </summary>
    internal sealed class ChannelModel
    {
        public ChannelModel(ScheduleChannel channel, Written? level, Written? min, ScheduleNode root, TextSpan name, bool isDerived = false)
        {
            Channel = channel;
            Level = level;
            Min = min;
            Root = root;
            Name = name;
            IsDerived = isDerived;
            root.Bind(StartLevel);
        }

        public ScheduleChannel Channel { get; }

        /// <summary>The header's number (<c>lr X</c>, <c>momentum X</c>): values are absolute, starting at it. Null: factors starting at 1.</summary>
        public Written? Level { get; }

        public bool IsAbsolute => Level != null;

        /// <summary>The header's <c>min</c>: a lower bound on every value of this channel.</summary>
        public Written? Min { get; }

        public ScheduleNode Root { get; }

        /// <summary>Where the channel's header names it (empty for a learning-rate channel without a header word).</summary>
        public TextSpan Name { get; }

        /// <summary>True for the momentum channel that a <c>onecycle</c>/<c>cyclic</c> kernel's <c>momentum</c> option adds.</summary>
        public bool IsDerived { get; }

        public double StartLevel => Level?.Value ?? 1.0;

        /// <summary>The header word of a channel: <c>lr</c>, <c>momentum</c> or <c>weight-decay</c>.</summary>
        public static string Word(ScheduleChannel channel) => channel switch
        {
            ScheduleChannel.LearningRate => "lr",
            ScheduleChannel.Momentum => "momentum",
            _ => "weight-decay",
        };

        /// <summary>The hyperparameter in English: "learning rate", "momentum", "weight decay".</summary>
        public static string Noun(ScheduleChannel channel) => channel switch
        {
            ScheduleChannel.LearningRate => "learning rate",
            ScheduleChannel.Momentum => "momentum",
            _ => "weight decay",
        };

        /// <summary>The hyperparameter as a heading: "Learning rate", "Momentum", "Weight decay".</summary>
        public static string Title(ScheduleChannel channel)
        {
            string noun = Noun(channel);
            return char.ToUpperInvariant(noun[0]) + noun.Substring(1);
        }

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
