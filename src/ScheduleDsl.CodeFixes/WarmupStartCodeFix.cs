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
    /// LRS0009: gives a warmup that starts at 0 a small start — the edit the language attaches to the diagnostic
    /// (<c>from 0</c> becomes <c>from 0.001</c>; without a <c>from</c>, one is added), mapped into the string by the analyzer.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WarmupStartCodeFix)), Shared]
    public sealed class WarmupStartCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Language.DiagnosticIds.WarmupFromZero);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => TextChangeFixAll.Create(Language.DiagnosticIds.WarmupFromZero, (diagnostic, _) => ChangeFor(diagnostic));

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (ChangeFor(diagnostic) is TextChange change && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.FixTitleProperty, out string? title) && title != null)
                {
                    context.RegisterCodeFix(CodeAction.Create(title, ct => TextChanges.Apply(context.Document, change, ct), diagnostic.Id), diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>The edit the analyzer attached to the diagnostic; null for one without (an attribute-form warmup).</summary>
        private static TextChange? ChangeFor(Diagnostic diagnostic) =>
            diagnostic.Id == Language.DiagnosticIds.WarmupFromZero
            && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.FixStartProperty, out string? start)
            && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.FixEndProperty, out string? end)
            && diagnostic.Properties.TryGetValue(ScheduleAnalyzer.FixTextProperty, out string? text)
            && text != null
            && int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out int from)
            && int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out int to)
            && to >= from
                ? new TextChange(TextSpan.FromBounds(from, to), text)
                : null;
    }
}
