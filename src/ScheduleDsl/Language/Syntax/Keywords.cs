using System;
using System.Collections.Generic;

namespace ScheduleDsl.Language
{
    /// <summary>The words of the language, and the nearest-word suggestion for a misspelt one.</summary>
    internal static class Keywords
    {
        /// <summary>The kernels' keywords, from the catalog.</summary>
        public static string[] Kernels => KernelCatalog.Keywords;

        public static readonly string[] HeaderItems = { "lr", "momentum", "weight-decay", "per", "min", "steps-per-epoch" };

        public static readonly string[] Units = { "epoch", "step" };

        /// <summary>Words of the language outside any kernel: a phase's length and skip, and the header's unit.</summary>
        private static readonly string[] Structure = { "for", "skip", "epoch", "epochs" };

        private static HashSet<string>? _all;

        /// <summary>Every word of the language: the header's, the kernels', their clauses' and choices', and <c>for</c>.</summary>
        private static HashSet<string> All => _all ??= Collect();

        private static HashSet<string> Collect()
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            words.UnionWith(HeaderItems);
            words.UnionWith(Units);
            words.UnionWith(Structure);
            foreach (KernelEntry entry in KernelCatalog.Entries)
            {
                words.Add(entry.Keyword);
                words.UnionWith(entry.Words);
                foreach (ClauseSpec clause in entry.Clauses)
                {
                    words.Add(clause.Keyword);
                    words.UnionWith(clause.Choices ?? Array.Empty<string>());
                }
            }

            return words;
        }

        public static bool IsKeyword(string word) => All.Contains(word);

        /// <summary>Every word of the language, sorted.</summary>
        public static IReadOnlyList<string> AllWords
        {
            get
            {
                var words = new List<string>(All);
                words.Sort(StringComparer.Ordinal);
                return words;
            }
        }

        /// <summary>
        /// What <paramref name="word"/> may have meant among <paramref name="candidates"/>: the words it begins (a word
        /// being typed: <c>war</c>, <c>cos</c>), at most three, or else the nearest by edit distance; empty when none fits.
        /// </summary>
        public static IReadOnlyList<string> Suggest(string word, IEnumerable<string> candidates)
        {
            string lower = word.ToLowerInvariant();
            var prefixed = new List<string>();
            var all = new List<string>();
            foreach (string candidate in candidates)
            {
                if (candidate == word || all.Contains(candidate))
                {
                    continue;
                }

                all.Add(candidate);
                if (candidate.StartsWith(lower, StringComparison.Ordinal))
                {
                    prefixed.Add(candidate);
                }
            }

            if (prefixed.Count > 0 && prefixed.Count <= 3)
            {
                return prefixed;
            }

            string? nearest = Nearest(lower, all);
            return nearest == null ? Array.Empty<string>() : new[] { nearest };
        }

        /// <summary>The candidate nearest to <paramref name="word"/> (case-insensitive edit distance with transpositions), or null when none is close.</summary>
        public static string? Nearest(string word, IEnumerable<string> candidates)
        {
            string lower = word.ToLowerInvariant();
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string candidate in candidates)
            {
                int distance = Distance(lower, candidate);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = candidate;
                }
            }

            int allowed = Math.Max(1, Math.Min(3, (lower.Length + 1) / 3));
            return bestDistance <= allowed ? best : null;
        }

        /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
        public static int Distance(string a, string b)
        {
            if (a.Length > 64 || b.Length > 64)
            {
                return int.MaxValue;
            }

            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (int j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, d[i - 2, j - 2] + 1);
                    }

                    d[i, j] = value;
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
