using ScheduleDsl.Language;

namespace ScheduleDsl.Generators.Emit
{
    /// <summary>A level in generated code: a literal when it is known at build time, else the name of a variable.</summary>
    internal readonly struct LevelCode
    {
        private LevelCode(string code, double? known)
        {
            Code = code;
            Known = known;
        }

        public string Code { get; }

        public double? Known { get; }

        public static LevelCode Constant(double value) => new LevelCode(CSharp.Double(value), value);

        public static LevelCode Variable(string name) => new LevelCode(name, null);
    }
}
