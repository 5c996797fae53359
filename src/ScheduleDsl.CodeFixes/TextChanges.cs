using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ScheduleDsl.CodeFixes
{
    /// <summary>Applies one text change to a document: the fixes that edit inside a schedule string.</summary>
    internal static class TextChanges
    {
        public static async Task<Document> Apply(Document document, TextChange change, CancellationToken cancellationToken)
        {
            SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(change));
        }
    }
}
