using System;
using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>
    /// Every kernel of the language, one entry each, in the order the docs list them. Adding a kernel: its model class
    /// (<c>Model/</c>, the formula), its entry here (<c>Catalog/</c>: keyword, clauses, parse, canonical text, sentence,
    /// attribute form), its case in the generator's <c>BodyEmitter</c>, and its public attribute class; the coverage
    /// tests then ask for its formula test, snapshot, round trip and docs.
    /// </summary>
    internal static class KernelCatalog
    {
        public static readonly KernelEntry[] Entries =
        {
            new ConstantEntry(),
            new HoldEntry(),
            new WarmupEntry(),
            new StepEntry(),
            new MultiStepEntry(),
            new ExpEntry(),
            new InverseTimeEntry(),
            new InverseSqrtEntry(),
            AnnealEntry.Linear(),
            AnnealEntry.Poly(),
            AnnealEntry.Cosine(),
            AnnealEntry.Tanh(),
            AnnealEntry.Sqrt(),
            new RestartsEntry(),
            new CyclicEntry(),
            new OneCycleEntry(),
            new PiecewiseEntry(),
            new PlateauEntry(),
            new CustomEntry(),
        };

        private static readonly Dictionary<string, KernelEntry> ByKeyword = Index(e => e.Keyword);

        private static readonly Dictionary<string, KernelEntry> ByAttribute = Index(e => e.Attribute.Name);

        /// <summary>The kernels' keywords, in catalog order.</summary>
        public static readonly string[] Keywords = Array.ConvertAll(Entries, e => e.Keyword);

        public static bool IsKernel(string word) => ByKeyword.ContainsKey(word);

        /// <summary>The entry of a kernel keyword; the parser asks only after <see cref="IsKernel"/>, so a miss is a bug.</summary>
        public static KernelEntry Find(string keyword) =>
            ByKeyword.TryGetValue(keyword, out KernelEntry? entry) ? entry : throw new InvalidOperationException("'" + keyword + "' is not a kernel of the catalog");

        /// <summary>The entry whose attribute form uses the attribute class <paramref name="name"/>, or null.</summary>
        public static KernelEntry? FindAttribute(string name) => ByAttribute.TryGetValue(name, out KernelEntry? entry) ? entry : null;

        /// <summary>The entry of a parsed kernel; every kind has one, so a miss is a bug.</summary>
        public static KernelEntry Of(KernelNode kernel)
        {
            foreach (KernelEntry entry in Entries)
            {
                if (entry.Kind == kernel.Kind)
                {
                    return entry;
                }
            }

            throw new InvalidOperationException("No catalog entry for kernel kind " + kernel.Kind);
        }

        private static Dictionary<string, KernelEntry> Index(Func<KernelEntry, string> key)
        {
            var index = new Dictionary<string, KernelEntry>(StringComparer.Ordinal);
            foreach (KernelEntry entry in Entries)
            {
                index.Add(key(entry), entry);
            }

            return index;
        }
    }
}
