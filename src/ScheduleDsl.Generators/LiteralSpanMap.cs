using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// Maps each character of a string literal's value to where it stands in the source, through escapes (regular
    /// strings), doubled quotes (verbatim strings) and removed indentation (multi-line raw strings), so a diagnostic
    /// lands under the exact characters the user typed.
    /// </summary>
    internal static class LiteralSpanMap
    {
        /// <summary>
        /// For a string literal token, returns the source position of each value character plus one entry for the end
        /// (the closing quote); null when the token is not a literal this can map, or the mapping would not match its value.
        /// </summary>
        public static int[]? Create(SyntaxToken token)
        {
            string text = token.Text;
            int start = token.SpanStart;
            List<int>? map;
            var value = new StringBuilder();
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                    map = text.StartsWith("@", System.StringComparison.Ordinal) ? Verbatim(text, value) : Regular(text, value);
                    break;
                case SyntaxKind.SingleLineRawStringLiteralToken:
                    map = SingleLineRaw(text, value);
                    break;
                case SyntaxKind.MultiLineRawStringLiteralToken:
                    map = MultiLineRaw(text, value);
                    break;
                default:
                    return null;
            }

            if (map == null || value.ToString() != token.ValueText)
            {
                return null;
            }

            var result = new int[map.Count];
            for (int i = 0; i < map.Count; i++)
            {
                result[i] = start + map[i];
            }

            return result;
        }

        private static List<int>? Regular(string text, StringBuilder value)
        {
            var map = new List<int>();
            int i = 1;
            while (i < text.Length - 1)
            {
                map.Add(i);
                if (text[i] != '\\')
                {
                    value.Append(text[i]);
                    i++;
                    continue;
                }

                if (i + 1 >= text.Length - 1)
                {
                    return null;
                }

                char escape = text[i + 1];
                switch (escape)
                {
                    case 'x':
                        int end = i + 2;
                        while (end < text.Length - 1 && end < i + 6 && System.Uri.IsHexDigit(text[end]))
                        {
                            end++;
                        }

                        value.Append((char)System.Convert.ToInt32(text.Substring(i + 2, end - i - 2), 16));
                        i = end;
                        break;
                    case 'u':
                        value.Append((char)System.Convert.ToInt32(text.Substring(i + 2, 4), 16));
                        i += 6;
                        break;
                    case 'U':
                        string pair = char.ConvertFromUtf32(System.Convert.ToInt32(text.Substring(i + 2, 8), 16));
                        value.Append(pair);
                        if (pair.Length == 2)
                        {
                            map.Add(i);
                        }

                        i += 10;
                        break;
                    default:
                        char? simple = Simple(escape);
                        if (simple == null)
                        {
                            return null;
                        }

                        value.Append(simple.Value);
                        i += 2;
                        break;
                }
            }

            map.Add(text.Length - 1);
            return map;
        }

        private static char? Simple(char escape)
        {
            switch (escape)
            {
                case '\'': return '\'';
                case '"': return '"';
                case '\\': return '\\';
                case '0': return '\0';
                case 'a': return '\a';
                case 'b': return '\b';
                case 'e': return '\u001b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'v': return '\v';
                default: return null;
            }
        }

        private static List<int> Verbatim(string text, StringBuilder value)
        {
            var map = new List<int>();
            int i = 2;
            while (i < text.Length - 1)
            {
                map.Add(i);
                value.Append(text[i]);
                i += text[i] == '"' ? 2 : 1;
            }

            map.Add(text.Length - 1);
            return map;
        }

        private static List<int> SingleLineRaw(string text, StringBuilder value)
        {
            int quotes = 0;
            while (quotes < text.Length && text[quotes] == '"')
            {
                quotes++;
            }

            var map = new List<int>();
            for (int i = quotes; i < text.Length - quotes; i++)
            {
                map.Add(i);
                value.Append(text[i]);
            }

            map.Add(text.Length - quotes);
            return map;
        }

        private static List<int>? MultiLineRaw(string text, StringBuilder value)
        {
            int quotes = 0;
            while (quotes < text.Length && text[quotes] == '"')
            {
                quotes++;
            }

            int closing = text.Length - quotes;
            int lastLineStart = text.LastIndexOf('\n', closing - 1) + 1;
            string indentation = text.Substring(lastLineStart, closing - lastLineStart);
            int firstLine = text.IndexOf('\n') + 1;
            if (firstLine <= 0)
            {
                return null;
            }

            var map = new List<int>();
            int lineStart = firstLine;
            bool first = true;
            while (lineStart < lastLineStart)
            {
                int lineEnd = text.IndexOf('\n', lineStart);
                int contentEnd = lineEnd > 0 && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                bool isLast = lineEnd + 1 >= lastLineStart;
                if (!first)
                {
                    // The line break between two content lines is part of the value.
                    int breakStart = lineStart - 1 - (lineStart >= 2 && text[lineStart - 2] == '\r' ? 1 : 0);
                    for (int b = breakStart; b < lineStart; b++)
                    {
                        map.Add(b);
                        value.Append(text[b]);
                    }
                }

                int contentStart = lineStart;
                if (contentEnd - lineStart >= indentation.Length && string.CompareOrdinal(text, lineStart, indentation, 0, indentation.Length) == 0)
                {
                    contentStart = lineStart + indentation.Length;
                }
                else if (contentEnd > lineStart && text.Substring(lineStart, contentEnd - lineStart).Trim().Length > 0)
                {
                    return null;
                }
                else
                {
                    contentStart = contentEnd;
                }

                for (int c = contentStart; c < contentEnd; c++)
                {
                    map.Add(c);
                    value.Append(text[c]);
                }

                first = false;
                lineStart = lineEnd + 1;
                if (isLast)
                {
                    map.Add(contentEnd);
                    return map;
                }
            }

            map.Add(firstLine);
            return map;
        }
    }
}
