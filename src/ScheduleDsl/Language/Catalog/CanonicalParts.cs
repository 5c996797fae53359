using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>Collects the words of one kernel's canonical text, starting with its keyword.</summary>
    internal sealed class CanonicalParts
    {
        private readonly List<string> _parts = new List<string>();

        public CanonicalParts(string keyword)
        {
            _parts.Add(keyword);
        }

        public CanonicalParts Add(string text)
        {
            _parts.Add(text);
            return this;
        }

        public CanonicalParts Add(Written value) => Add(N(value));

        /// <summary><c>keyword value</c>, as a required clause.</summary>
        public CanonicalParts Clause(string keyword, Written value) => Add(keyword + " " + N(value));

        /// <summary><c>keyword value</c> when the clause was written.</summary>
        public CanonicalParts Optional(string keyword, Written? value) => value is Written v ? Clause(keyword, v) : this;

        public CanonicalParts Flag(string keyword, bool present) => present ? Add(keyword) : this;

        /// <summary><c>momentum</c>, or <c>momentum lo to hi</c> when the levels were written.</summary>
        public CanonicalParts Momentum(MomentumOption? option) =>
            option is not MomentumOption m ? this
            : m.Low is Written lo && m.High is Written hi ? Add("momentum " + N(lo) + " to " + N(hi))
            : Add("momentum");

        public static string List(Written[] items)
        {
            var texts = new string[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                texts[i] = N(items[i]);
            }

            return string.Join(", ", texts);
        }

        /// <summary>A number in shortest form; a length written in epochs keeps that form (<c>5 epochs</c>).</summary>
        public static string N(Written value) =>
            value.Epochs is long epochs ? NumberText.Format(epochs) + (epochs == 1 ? " epoch" : " epochs") : NumberText.Format(value.Value);

        public override string ToString() => string.Join(" ", _parts);
    }
}
