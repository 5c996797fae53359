using System.Text;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators.Emit
{
    /// <summary>Writes C# source with four-space indentation and '\n' line endings.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();

        public int Indentation { get; set; }

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', Indentation * 4).Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        public SourceWriter Open(string text)
        {
            if (text.Length > 0)
            {
                Line(text);
            }

            Line("{");
            Indentation++;
            return this;
        }

        public SourceWriter Open()
        {
            Line("{");
            Indentation++;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            Indentation--;
            Line("}" + suffix);
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
