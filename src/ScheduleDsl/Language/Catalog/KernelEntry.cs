using System;
using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>
    /// One kernel of the language in one place: its keyword, the clauses it takes in canonical order, the other words it
    /// reads, how it is parsed, written back in canonical form and explained in English, and its attribute form. The
    /// catalog's entries drive the keywords, the parser's dispatch, the canonical writer, the explainer and the generator's
    /// attribute reader; what a kernel computes lives in its model class, what it compiles to in the generator's emitter.
    /// </summary>
    internal abstract class KernelEntry
    {
        protected KernelEntry(KernelKind kind, string keyword, ClauseSpec[] clauses, AttributeForm attribute, params string[] words)
        {
            Kind = kind;
            Keyword = keyword;
            Clauses = clauses;
            Attribute = attribute;
            Words = words;
        }

        public KernelKind Kind { get; }

        /// <summary>The word that starts the kernel: <c>step</c>.</summary>
        public string Keyword { get; }

        /// <summary>The clauses after the positional arguments, in the order the canonical form writes them.</summary>
        public ClauseSpec[] Clauses { get; }

        /// <summary>Words the kernel reads outside its clauses (choices among its positional arguments, <c>until</c>, <c>to</c>).</summary>
        public IReadOnlyList<string> Words { get; }

        /// <summary>The <c>[…]</c> attribute that writes this kernel in the attribute form, and how its arguments map to text.</summary>
        public AttributeForm Attribute { get; }

        /// <summary>Parses what follows the keyword (already consumed); null after reporting what is wrong.</summary>
        public abstract KernelNode? Parse(Parser parser, Token keyword);

        /// <summary>The kernel's canonical text: single spaces, clauses in <see cref="Clauses"/> order, shortest numbers.</summary>
        public abstract string Canonical(KernelNode kernel);

        /// <summary>The kernel in English, lower case, without the final full stop; <paramref name="level"/> is its incoming level when known.</summary>
        public abstract string Sentence(KernelNode kernel, double? level, TimeWords time);
    }

    /// <summary>A <see cref="KernelEntry"/> for one model class: the casts are made here, once, and fail loudly.</summary>
    internal abstract class KernelEntry<TKernel> : KernelEntry
        where TKernel : KernelNode
    {
        protected KernelEntry(KernelKind kind, string keyword, ClauseSpec[] clauses, AttributeForm attribute, params string[] words)
            : base(kind, keyword, clauses, attribute, words)
        {
        }

        public sealed override string Canonical(KernelNode kernel) => Write(Cast(kernel), new CanonicalParts(Keyword));

        public sealed override string Sentence(KernelNode kernel, double? level, TimeWords time) => Explain(Cast(kernel), new SentenceWords(level, time));

        protected abstract string Write(TKernel kernel, CanonicalParts parts);

        protected abstract string Explain(TKernel kernel, SentenceWords words);

        private TKernel Cast(KernelNode kernel) =>
            kernel as TKernel ?? throw new InvalidOperationException("The catalog entry '" + Keyword + "' was given a " + kernel.GetType().Name + " (kind " + kernel.Kind + ")");
    }
}
