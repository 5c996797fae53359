using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace ScheduleDsl.CodeFixes
{
    /// <summary>
    /// Fix All for the fixes that edit inside a schedule string: every diagnostic's edit is computed from the
    /// diagnostic itself, so the result does not depend on which diagnostic started the Fix All.
    /// </summary>
    /// <remarks>
    /// <c>dotnet format</c> starts a Fix All from the first diagnostic its analysis returned, which may belong to
    /// another ID reported by the same analyzer, or be one without a fix (an attribute-form warmup). The batch fixer
    /// then has no equivalence key to match and fixes nothing; which diagnostic came first changed from run to run.
    /// </remarks>
    internal static class TextChangeFixAll
    {
        /// <summary>
        /// <paramref name="changeFor"/> gives a diagnostic's edit for the Fix All's equivalence key (null when the Fix
        /// All was not started from one of this fix's actions), or null when that diagnostic has none.
        /// </summary>
        public static FixAllProvider Create(string id, Func<Diagnostic, string?, TextChange?> changeFor) =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var changes = new List<TextChange>();
                foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start))
                {
                    if (changeFor(diagnostic, context.CodeActionEquivalenceKey) is TextChange change
                        && (changes.Count == 0 || changes[changes.Count - 1].Span.End <= change.Span.Start))
                    {
                        changes.Add(change);
                    }
                }

                if (changes.Count == 0)
                {
                    return document;
                }

                SourceText text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
                return document.WithText(text.WithChanges(changes));
            });
    }
}
