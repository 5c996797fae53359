using System.Collections.Generic;
using ScheduleDsl.Language;

namespace ScheduleDsl.Cli
{
    /// <summary>"did you mean …?" for a name option (optimizer, loss, activation), by the same nearest-word rule as the language's keywords.</summary>
    internal static class NearestName
    {
        public static string DidYouMean(string written, IReadOnlyList<string> names) =>
            Keywords.Nearest(written.Trim(), names) is string nearest ? "; did you mean '" + nearest + "'?" : string.Empty;
    }
}
