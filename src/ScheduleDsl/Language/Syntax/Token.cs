namespace ScheduleDsl.Language
{
    internal enum TokenKind
    {
        Word,
        Number,
        BadNumber,
        Arrow,
        Star,
        OpenParen,
        CloseParen,
        Colon,
        Comma,
        Semicolon,
        BadCharacter,
        End,
    }

    internal readonly struct Token
    {
        public Token(TokenKind kind, int offset, int length, string text, double number)
        {
            Kind = kind;
            Offset = offset;
            Length = length;
            Text = text;
            Number = number;
        }

        public TokenKind Kind { get; }

        public int Offset { get; }

        public int Length { get; }

        public int EndOffset => Offset + Length;

        /// <summary>The characters of the token as written.</summary>
        public string Text { get; }

        /// <summary>The value of a <see cref="TokenKind.Number"/> token.</summary>
        public double Number { get; }

        public bool IsWord(string keyword) => Kind == TokenKind.Word && Text == keyword;

        /// <summary>This token read as <paramref name="keyword"/>, at the same place: how the parser reads on after a misspelt word.</summary>
        public Token ReadAs(string keyword) => new Token(TokenKind.Word, Offset, Length, keyword, 0);

        /// <summary>How the token is named in a message: the text in quotes, or "end of text".</summary>
        public string Describe() => Kind == TokenKind.End ? "end of text" : "'" + (Text.Length > 40 ? Text.Substring(0, 40) + "…" : Text) + "'";
    }
}
