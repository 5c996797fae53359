using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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

        // Fix All finds each diagnostic's type itself: dotnet format may start it from another ID's diagnostic.
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var types = diagnostics
                .Where(d => d.Id == Language.DiagnosticIds.NotPartial)
                .Select(d => TypeAt(root, d))
                .OfType<TypeDeclarationSyntax>();
            return document.WithSyntaxRoot(AddPartial(root, types));
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                TypeDeclarationSyntax? type = root == null ? null : TypeAt(root, diagnostic);
                if (type == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Make the schedule type partial", ct => AddPartialAsync(context.Document, type, ct), nameof(AddPartialCodeFix)),
                    diagnostic);
            }
        }

        private static TypeDeclarationSyntax? TypeAt(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>();

        private static async Task<Document> AddPartialAsync(Document document, TypeDeclarationSyntax type, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            return document.WithSyntaxRoot(AddPartial(root, new[] { type }));
        }

        /// <summary>Makes each type, and every type containing it, partial.</summary>
        private static SyntaxNode AddPartial(SyntaxNode root, IEnumerable<TypeDeclarationSyntax> types)
        {
            var chain = new HashSet<TypeDeclarationSyntax>();
            foreach (TypeDeclarationSyntax type in types)
            {
                for (SyntaxNode? node = type; node != null; node = node.Parent)
                {
                    if (node is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        chain.Add(declaration);
                    }
                }
            }

            return root.ReplaceNodes(chain, (original, rewritten) => AddPartial(rewritten));
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
