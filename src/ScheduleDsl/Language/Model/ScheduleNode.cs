namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// A piece of a schedule: a kernel, a chain (<c>-&gt;</c>), a product (<c>*</c>) or a phase cut by <c>for</c>.
    /// Every node obeys one rule the rest of the code relies on: for <c>τ ≥ Duration</c> its value is its end level.
    /// </summary>
    internal abstract class ScheduleNode
    {
        protected ScheduleNode(TextSpan span)
        {
            Span = span;
        }

        /// <summary>Where the node was written in the schedule text.</summary>
        public TextSpan Span { get; }

        /// <summary>The length in time units, or null when the node is open-ended.</summary>
        public abstract long? Duration { get; }

        /// <summary>Whether this node, or one inside it, is a <c>plateau</c> whose value depends on observed metrics.</summary>
        public abstract bool IsStateful { get; }

        /// <summary>
        /// Whether this node, or one inside it, calls a <c>custom</c> function: its values (and the level after it) are not
        /// known before training, so nothing after it is worked out in advance.
        /// </summary>
        public virtual bool IsOpaque => false;

        /// <summary>Whether the level after this node cannot be worked out when the model is built (a plateau or a custom function inside).</summary>
        public bool HasUnknownEnd => IsStateful || IsOpaque;

        /// <summary>The value at local time <paramref name="tau"/> ≥ 0 for incoming level <paramref name="s"/>.</summary>
        public abstract double Value(long tau, double s, PlateauState[]? states);

        /// <summary>
        /// Called once when the model is built, with the level this node will start from when that is known before
        /// training (null when a plateau before it makes it depend on metrics). Chains use it to work out the levels their
        /// phases start from once, instead of on every call.
        /// </summary>
        internal virtual void Bind(double? s)
        {
        }

        /// <summary>Passes a metric observed at the end of local time <paramref name="tau"/> to the plateau phases active then.</summary>
        public virtual void Observe(long tau, double metric, double s, PlateauState[] states)
        {
        }
    }
}
