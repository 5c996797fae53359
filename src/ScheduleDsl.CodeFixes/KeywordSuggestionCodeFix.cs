using System;
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
    /// one pass; Fix All from another suggestion applies that word wherever it is among the suggestions.
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
        public sealed override FixAllProvider GetFixAllProvider() => TextChangeFixAll.Create(_id, ChangeFor);

        /// <inheritdoc/>
        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                string[] words = Suggestions(diagnostic);
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

        private TextChange? ChangeFor(Diagnostic diagnostic, string? equivalenceKey)
        {
            string[] words = Suggestions(diagnostic);
            if (words.Length == 0)
            {
                return null;
            }

            string prefix = _id + ":";
            string word = equivalenceKey != null && equivalenceKey.StartsWith(prefix, StringComparison.Ordinal)
                ? equivalenceKey.Substring(prefix.Length)
                : words[0];
            return Array.IndexOf(words, word) >= 0 ? new TextChange(diagnostic.Location.SourceSpan, word) : null;
        }

        private string[] Suggestions(Diagnostic diagnostic) =>
            diagnostic.Id == _id && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.SuggestionsProperty, out string? suggestions) && !string.IsNullOrEmpty(suggestions)
                ? suggestions!.Split(' ')
                : Array.Empty<string>();
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
