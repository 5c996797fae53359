using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ScheduleDsl.Generators;

namespace ScheduleDsl.CodeFixes
{
    /// <summary>
    /// Edits inside the schedule string, where the analyzer has mapped the exact characters: LRS0002 (an unknown word) and
    /// LRS0001 (a keyword out of place) offer each keyword the word may have meant; LRS0009 adds a <c>from</c> start to a
    /// warmup that starts at 0.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TextEditCodeFix)), Shared]
    public sealed class TextEditCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LRS0001", "LRS0002", "LRS0009");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (diagnostic.Id is "LRS0001" or "LRS0002" && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.SuggestionsProperty, out string? suggestions) && suggestions != null)
                {
                    // The first (best) suggestion of every diagnostic shares one equivalence key, so Fix All — and
                    // dotnet format — takes each misspelt word to its own best suggestion in one pass; the others are
                    // offered one by one.
                    string[] words = suggestions.Split(' ');
                    for (int i = 0; i < words.Length; i++)
                    {
                        var change = new TextChange(diagnostic.Location.SourceSpan, words[i]);
                        context.RegisterCodeFix(
                            CodeAction.Create("Use '" + words[i] + "'", ct => Apply(context.Document, change, ct), i == 0 ? diagnostic.Id : diagnostic.Id + ":" + words[i]),
                            diagnostic);
                    }
                }
                else if (diagnostic.Id == "LRS0009"
                    && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.InsertPositionProperty, out string? position)
                    && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.InsertTextProperty, out string? insert)
                    && insert != null
                    && int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out int at))
                {
                    var change = new TextChange(new TextSpan(at, 0), insert);
                    context.RegisterCodeFix(
                        CodeAction.Create("Start the warmup at" + insert.Substring(" from".Length), ct => Apply(context.Document, change, ct), "LRS0009"),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> Apply(Document document, TextChange change, System.Threading.CancellationToken cancellationToken)
        {
            SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(change));
        }
    }
}
