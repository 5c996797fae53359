using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScheduleDsl.CodeFixes
{
    /// <summary>LRS0100: adds <c>partial</c> to the schedule type and to every type containing it that lacks it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix)), Shared]
    public sealed class AddPartialCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Language.DiagnosticIds.NotPartial);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                TypeDeclarationSyntax? type = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                if (type == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Make the schedule type partial", ct => AddPartialAsync(context.Document, type, ct), nameof(AddPartialCodeFix)),
                    diagnostic);
            }
        }

        private static async Task<Document> AddPartialAsync(Document document, TypeDeclarationSyntax type, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var chain = ImmutableArray.CreateBuilder<TypeDeclarationSyntax>();
            for (SyntaxNode? node = type; node != null; node = node.Parent)
            {
                if (node is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    chain.Add(declaration);
                }
            }

            SyntaxNode updated = root.ReplaceNodes(chain, (original, rewritten) => AddPartial(rewritten));
            return document.WithSyntaxRoot(updated);
        }

        private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
        {
            // 'partial' goes last among the modifiers, right before the type keyword, as C# requires.
            SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            if (declaration.Modifiers.Count == 0)
            {
                SyntaxToken keyword = declaration.Keyword;
                partial = partial.WithLeadingTrivia(keyword.LeadingTrivia);
                return declaration.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
            }

            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }
    }
}
