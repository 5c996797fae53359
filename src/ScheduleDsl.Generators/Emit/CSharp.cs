using System.Globalization;
using System.Text;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators.Emit
{
    /// <summary>C# literals, written the same way under every culture.</summary>
    internal static class CSharp
    {
        /// <summary>A double literal that round-trips exactly: <c>0.01</c>, <c>1.0</c>, <c>1E-05</c>.</summary>
        public static string Double(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
        }

        public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A regular string literal with every character that needs it escaped.</summary>
        public static string String(string value)
        {
            var builder = new StringBuilder("\"");
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ' || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>Text for an XML doc comment: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
        public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
