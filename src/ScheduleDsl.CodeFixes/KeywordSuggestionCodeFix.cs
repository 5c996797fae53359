using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ScheduleDsl.Generators;

namespace ScheduleDsl.CodeFixes
{
    /// <summary>
    /// Replaces the diagnostic's span inside the schedule string with each keyword the analyzer suggests (the
    /// diagnostic's <see cref="ScheduleAnalyzer.SuggestionsProperty"/>). The first (best) suggestion of every diagnostic
    /// shares one equivalence key, so Fix All — and <c>dotnet format</c> — takes each word to its own best suggestion in
    /// one pass; the others are offered one by one.
    /// </summary>
    public abstract class KeywordSuggestionCodeFix : CodeFixProvider
    {
        private readonly string _id;

        private protected KeywordSuggestionCodeFix(string id)
        {
            _id = id;
            FixableDiagnosticIds = ImmutableArray.Create(id);
        }

        /// <inheritdoc/>
        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <inheritdoc/>
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (diagnostic.Id != _id || !diagnostic.Properties.TryGetValue(ScheduleAnalyzer.SuggestionsProperty, out string? suggestions) || suggestions == null)
                {
                    continue;
                }

                string[] words = suggestions.Split(' ');
                for (int i = 0; i < words.Length; i++)
                {
                    var change = new TextChange(diagnostic.Location.SourceSpan, words[i]);
                    context.RegisterCodeFix(
                        CodeAction.Create("Use '" + words[i] + "'", ct => TextChanges.Apply(context.Document, change, ct), i == 0 ? _id : _id + ":" + words[i]),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>LRS0002: an unknown word becomes the keyword it most likely meant.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownWordCodeFix)), System.Composition.Shared]
    public sealed class UnknownWordCodeFix : KeywordSuggestionCodeFix
    {
        /// <summary>The fix for LRS0002.</summary>
        public UnknownWordCodeFix()
            : base(Language.DiagnosticIds.UnknownWord)
        {
        }
    }

    /// <summary>LRS0001: a keyword out of place, or cut off while typing (<c>warm</c>), becomes the keyword that fits there.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MisplacedKeywordCodeFix)), System.Composition.Shared]
    public sealed class MisplacedKeywordCodeFix : KeywordSuggestionCodeFix
    {
        /// <summary>The fix for LRS0001.</summary>
        public MisplacedKeywordCodeFix()
            : base(Language.DiagnosticIds.Syntax)
        {
        }
    }
}
