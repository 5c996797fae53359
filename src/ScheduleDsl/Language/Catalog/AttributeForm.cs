namespace ScheduleDsl.Language
{
    internal enum AttributeArgumentKind
    {
        /// <summary>A number, written after the prefix.</summary>
        Number,

        /// <summary>A positional number the attribute may be constructed without (<c>[Constant]</c>).</summary>
        OptionalNumber,

        /// <summary>An array of numbers, written comma-separated.</summary>
        NumberList,

        /// <summary>A bool property: the prefix is written when it is true.</summary>
        Flag,

        /// <summary>An enum: its value picks one of the words; a word may hold <c>{Property|default}</c>, another named number.</summary>
        Enum,

        /// <summary>The <c>momentum [lo to hi]</c> option: <c>CycleMomentum = true</c>, or <c>MomentumLow</c> with <c>MomentumHigh</c>.</summary>
        Momentum,

        /// <summary>A name (a string argument), written as it is when it is a word of letters and digits.</summary>
        Word,

        /// <summary>Two arrays, values and boundaries, written <c>v0 until b0, v1 until b1, …, vn</c>.</summary>
        Piecewise,
    }

    /// <summary>One argument of a phase attribute and the text it becomes.</summary>
    internal sealed class AttributeArgument
    {
        private AttributeArgument(int position, string? property, string prefix, AttributeArgumentKind kind, string? enumName = null, string[]? words = null)
        {
            Position = position;
            Property = property;
            Prefix = prefix;
            Kind = kind;
            EnumName = enumName;
            Words = words;
        }

        /// <summary>The constructor argument's index, or -1 for a named property.</summary>
        public int Position { get; }

        public string? Property { get; }

        /// <summary>The clause keyword written before the value (empty for a bare positional value).</summary>
        public string Prefix { get; }

        public AttributeArgumentKind Kind { get; }

        /// <summary>The public enum's name, for the message when a value is not one of its members.</summary>
        public string? EnumName { get; }

        /// <summary>The text of each enum value, in the enum's order.</summary>
        public string[]? Words { get; }

        public static AttributeArgument Number(int position, string prefix = "") => new AttributeArgument(position, null, prefix, AttributeArgumentKind.Number);

        public static AttributeArgument OptionalNumber(int position) => new AttributeArgument(position, null, string.Empty, AttributeArgumentKind.OptionalNumber);

        public static AttributeArgument List(int position, string prefix) => new AttributeArgument(position, null, prefix, AttributeArgumentKind.NumberList);

        public static AttributeArgument Enum(int position, string enumName, params string[] words) => new AttributeArgument(position, null, string.Empty, AttributeArgumentKind.Enum, enumName, words);

        public static AttributeArgument Momentum() => new AttributeArgument(-1, "CycleMomentum", "momentum", AttributeArgumentKind.Momentum);

        public static AttributeArgument Word(int position) => new AttributeArgument(position, null, string.Empty, AttributeArgumentKind.Word);

        public static AttributeArgument Piecewise() => new AttributeArgument(0, null, string.Empty, AttributeArgumentKind.Piecewise);

        public static AttributeArgument Named(string property, string clause) => new AttributeArgument(-1, property, clause, AttributeArgumentKind.Number);

        public static AttributeArgument NamedFlag(string property, string clause) => new AttributeArgument(-1, property, clause, AttributeArgumentKind.Flag);

        public static AttributeArgument NamedEnum(string property, string enumName, params string[] words) => new AttributeArgument(-1, property, string.Empty, AttributeArgumentKind.Enum, enumName, words);
    }

    /// <summary>
    /// A kernel's attribute form: the attribute class (<c>StepDecayAttribute</c>) and its arguments in the order they are
    /// written as text. Every phase attribute also takes <c>For</c>, which wraps the phase in <c>(…) for N</c>.
    /// </summary>
    internal sealed class AttributeForm
    {
        public AttributeForm(string name, params AttributeArgument[] arguments)
        {
            Name = name;
            Arguments = arguments;
        }

        /// <summary>The attribute class's metadata name, in namespace <c>ScheduleDsl</c>.</summary>
        public string Name { get; }

        public AttributeArgument[] Arguments { get; }
    }
}
