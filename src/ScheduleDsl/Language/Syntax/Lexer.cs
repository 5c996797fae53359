using System.Collections.Generic;
using System.Globalization;

namespace ScheduleDsl.Language
{
    /// <summary>
    /// Splits schedule text into tokens. Never throws: malformed numbers become <see cref="TokenKind.BadNumber"/>
    /// and stray characters <see cref="TokenKind.BadCharacter"/>, each with a diagnostic.
    /// </summary>
    internal static class Lexer
    {
        public static List<Token> Tokenize(string text, List<ScheduleDiagnostic> diagnostics)
        {
            var tokens = new List<Token>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                if (c == '#')
                {
                    while (i < text.Length && text[i] != '\n' && text[i] != '\r')
                    {
                        i++;
                    }

                    continue;
                }

                int start = i;
                if (c == '-' && i + 1 < text.Length && text[i + 1] == '>')
                {
                    tokens.Add(new Token(TokenKind.Arrow, start, 2, "->", 0));
                    i += 2;
                    continue;
                }

                if (IsDigit(c) || c == '.' || ((c == '-' || c == '+' || c == '\u2212') && i + 1 < text.Length && (IsDigit(text[i + 1]) || text[i + 1] == '.')))
                {
                    tokens.Add(LexNumber(text, ref i, diagnostics));
                    continue;
                }

                if (IsLetter(c))
                {
                    i++;
                    while (i < text.Length)
                    {
                        if (IsLetter(text[i]) || IsDigit(text[i]))
                        {
                            i++;
                        }
                        else if (text[i] == '-' && i + 1 < text.Length && IsLetter(text[i + 1]))
                        {
                            i += 2;
                        }
                        else
                        {
                            break;
                        }
                    }

                    tokens.Add(new Token(TokenKind.Word, start, i - start, text.Substring(start, i - start), 0));
                    continue;
                }

                TokenKind single;
                switch (c)
                {
                    case '*': single = TokenKind.Star; break;
                    case '(': single = TokenKind.OpenParen; break;
                    case ')': single = TokenKind.CloseParen; break;
                    case ':': single = TokenKind.Colon; break;
                    case ',': single = TokenKind.Comma; break;
                    case ';': single = TokenKind.Semicolon; break;
                    default: single = TokenKind.BadCharacter; break;
                }

                int length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                string tokenText = text.Substring(start, length);
                if (single == TokenKind.BadCharacter)
                {
                    diagnostics.Add(new ScheduleDiagnostic(
                        DiagnosticIds.Syntax,
                        ScheduleDiagnosticSeverity.Error,
                        "Unexpected character '" + Printable(tokenText) + "'; a schedule uses words, numbers and the symbols -> * ( ) : , ;",
                        start,
                        length));
                }

                tokens.Add(new Token(single, start, length, tokenText, 0));
                i += length;
            }

            tokens.Add(new Token(TokenKind.End, text.Length, 0, string.Empty, 0));
            return tokens;
        }

        private static Token LexNumber(string text, ref int i, List<ScheduleDiagnostic> diagnostics)
        {
            int start = i;
            bool signed = text[i] == '-' || text[i] == '+' || text[i] == '\u2212';
            if (signed)
            {
                i++;
            }

            // A number-like run: digits, letters and dots glued together, plus a sign right after an exponent mark (so '1e-' is one
            // malformed number, not '1e' and a stray '-').
            while (i < text.Length)
            {
                char c = text[i];
                if (IsDigit(c) || IsLetter(c) || c == '.')
                {
                    i++;
                }
                else if ((c == '+' || c == '-') && (text[i - 1] == 'e' || text[i - 1] == 'E') && i - 2 >= start && IsDigit(text[i - 2])
                    && !(c == '-' && i + 1 < text.Length && text[i + 1] == '>'))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            string run = text.Substring(start, i - start);
            string? problem = signed ? "a number cannot carry a sign; write it without '" + run[0] + "'" : CheckShape(run);
            double value = 0;
            if (problem == null)
            {
                if (!double.TryParse(run, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
                    || double.IsInfinity(value) || double.IsNaN(value))
                {
                    problem = "it is too large to be a finite number";
                }
                else if (value == 0 && HasNonZeroMantissa(run))
                {
                    problem = "it is too small: it would round to 0";
                }
            }

            if (problem != null)
            {
                diagnostics.Add(new ScheduleDiagnostic(
                    DiagnosticIds.BadNumber,
                    ScheduleDiagnosticSeverity.Error,
                    "Malformed number '" + (run.Length > 40 ? run.Substring(0, 40) + "…" : run) + "': " + problem,
                    start,
                    run.Length));
                return new Token(TokenKind.BadNumber, start, run.Length, run, 0);
            }

            return new Token(TokenKind.Number, start, run.Length, run, value);
        }

        /// <summary>Checks <c>digits [ "." digits ] [ ("e"|"E") ["+"|"-"] digits ]</c>; returns what is wrong, or null.</summary>
        private static string? CheckShape(string run)
        {
            int i = 0;
            if (run[0] == '.')
            {
                return "write a digit before the decimal point (0" + run + ")";
            }

            while (i < run.Length && IsDigit(run[i]))
            {
                i++;
            }

            if (i < run.Length && run[i] == '.')
            {
                i++;
                int fractionStart = i;
                while (i < run.Length && IsDigit(run[i]))
                {
                    i++;
                }

                if (i == fractionStart)
                {
                    return "write a digit after the decimal point";
                }
            }

            if (i < run.Length && (run[i] == 'e' || run[i] == 'E'))
            {
                i++;
                if (i < run.Length && (run[i] == '+' || run[i] == '-'))
                {
                    i++;
                }

                int exponentStart = i;
                while (i < run.Length && IsDigit(run[i]))
                {
                    i++;
                }

                if (i == exponentStart)
                {
                    return i < run.Length && IsLetter(run[i])
                        ? "a number cannot be glued to a letter; separate them with a space"
                        : "the exponent needs digits";
                }
            }

            if (i < run.Length)
            {
                return run[i] == '.'
                    ? "a number has at most one decimal point"
                    : "a number cannot be glued to a letter; separate them with a space";
            }

            return null;
        }

        private static bool HasNonZeroMantissa(string run)
        {
            foreach (char c in run)
            {
                if (c == 'e' || c == 'E')
                {
                    return false;
                }

                if (c >= '1' && c <= '9')
                {
                    return true;
                }
            }

            return false;
        }

        private static string Printable(string s) => s.Length == 1 && char.IsControl(s[0]) ? "\\u" + ((int)s[0]).ToString("X4", CultureInfo.InvariantCulture) : s;

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
