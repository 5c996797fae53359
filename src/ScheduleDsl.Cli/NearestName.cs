using System;
using System.Collections.Generic;

namespace ScheduleDsl.Cli
{
    /// <summary>"did you mean …?" for a name option (optimizer, loss, activation): the one name within a small edit distance.</summary>
    internal static class NearestName
    {
        public static string DidYouMean(string written, IReadOnlyList<string> names)
        {
            string lower = written.Trim().ToLowerInvariant();
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string name in names)
            {
                int distance = Distance(lower, name);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (name, distance);
                }
            }

            return best != null && bestDistance <= Math.Max(1, Math.Min(3, (lower.Length + 1) / 3)) ? "; did you mean '" + best + "'?" : string.Empty;
        }

        /// <summary>Edit distance with adjacent transpositions counted as one edit (<c>rleu</c> is one from <c>relu</c>).</summary>
        private static int Distance(string a, string b)
        {
            if (a.Length > 64)
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
                    int value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
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
