using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators
{
    /// <summary>
    /// Reports every LRS diagnostic of a <c>[Schedule]</c> type with a real source location: inside the string literal,
    /// under the exact characters, for regular, verbatim and raw strings; on the whole argument for constants and
    /// concatenations; on the phase attribute that wrote the text in the attribute form.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ScheduleAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The keywords that may replace the diagnostic's span, best first, separated by spaces (keywords have none).</summary>
        public const string SuggestionsProperty = "Suggestions";

        /// <summary>
        /// The diagnostic's <see cref="ScheduleDiagnostic.Fix"/> mapped into the source: the replaced span's start and end
        /// positions, the new text and the fix's title (LRS0009 gives a warmup its start).
        /// </summary>
        public const string FixStartProperty = "FixStart";

        /// <summary>See <see cref="FixStartProperty"/>.</summary>
        public const string FixEndProperty = "FixEnd";

        /// <summary>See <see cref="FixStartProperty"/>.</summary>
        public const string FixTextProperty = "FixText";

        /// <summary>See <see cref="FixStartProperty"/>.</summary>
        public const string FixTitleProperty = "FixTitle";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.All);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // Resolved once per compilation; a compilation without the runtime has no [Schedule] to look at.
                ScheduleSymbols? symbols = ScheduleSymbols.From(start.Compilation);
                if (symbols != null)
                {
                    start.RegisterSymbolAction(symbol => AnalyzeType(symbol, symbols), SymbolKind.NamedType);
                }
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, ScheduleSymbols symbols)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            AttributeData? schedule = symbols.FindSchedule(type);
            if (schedule == null)
            {
                return;
            }

            ScheduleDeclaration declaration = ScheduleDeclarationReader.Read(type, schedule, symbols, context.CancellationToken);
            foreach (DeclarationProblem problem in declaration.Problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, problem.Location, problem.Arguments));
            }

            if (declaration.Text == null)
            {
                return;
            }

            ParseResult result = declaration.Parsed ?? Parser.Parse(declaration.Text);
            if (result.Diagnostics.Count == 0)
            {
                return;
            }

            LocationMapper mapper = declaration.IsTextForm
                ? TextFormMapper(schedule, context)
                : AttributeFormMapper(declaration, context);
            foreach (ScheduleDiagnostic d in result.Diagnostics)
            {
                context.ReportDiagnostic(Create(d, mapper));
            }
        }

        private static Diagnostic Create(ScheduleDiagnostic d, LocationMapper mapper)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (d.Suggestions.Count > 0 && mapper.IsExact)
            {
                properties = properties.Add(SuggestionsProperty, string.Join(" ", d.Suggestions));
            }

            if (d.Fix is ScheduleTextEdit fix && mapper.IsExact && mapper.Position(fix.Offset) is int start && mapper.Position(fix.Offset + fix.Length) is int end)
            {
                properties = properties
                    .Add(FixStartProperty, start.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add(FixEndProperty, end.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add(FixTextProperty, fix.NewText)
                    .Add(FixTitleProperty, fix.Title);
            }

            return Diagnostic.Create(Descriptors.ForLanguageId(d.Id), mapper.Map(d.Offset, d.Length), properties, d.Message);
        }

        private static LocationMapper TextFormMapper(AttributeData schedule, SymbolAnalysisContext context)
        {
            ExpressionSyntax? argument = ScheduleDeclarationReader.TextArgument(schedule, context.CancellationToken);
            if (argument == null)
            {
                return new LocationMapper(Location.None, null, null);
            }

            int[]? map = argument is LiteralExpressionSyntax literal ? LiteralSpanMap.Create(literal.Token) : null;
            return new LocationMapper(argument.GetLocation(), argument.SyntaxTree, map);
        }

        private static LocationMapper AttributeFormMapper(ScheduleDeclaration declaration, SymbolAnalysisContext context)
        {
            var segments = new List<(int Start, int End, Location Location)>();
            foreach (TextSegment segment in declaration.Segments)
            {
                Location? location = ScheduleDeclarationReader.AttributeLocation(segment.Attribute, context.CancellationToken);
                if (location != null)
                {
                    segments.Add((segment.Start, segment.End, location));
                }
            }

            Location whole = ScheduleDeclarationReader.AttributeLocation(declaration.ScheduleAttribute, context.CancellationToken) ?? Location.None;
            return new LocationMapper(whole, null, null, segments);
        }

        /// <summary>Turns an offset and length in the schedule text into a source location.</summary>
        private sealed class LocationMapper
        {
            private readonly Location _whole;
            private readonly SyntaxTree? _tree;
            private readonly int[]? _map;
            private readonly List<(int Start, int End, Location Location)>? _segments;

            public LocationMapper(Location whole, SyntaxTree? tree, int[]? map, List<(int Start, int End, Location Location)>? segments = null)
            {
                _whole = whole;
                _tree = tree;
                _map = map;
                _segments = segments;
            }

            /// <summary>Whether locations are the exact characters (so a code fix may edit them).</summary>
            public bool IsExact => _map != null && _tree != null;

            public int? Position(int offset) => _map != null && offset >= 0 && offset < _map.Length ? _map[offset] : (int?)null;

            public Location Map(int offset, int length)
            {
                if (_map != null && _tree != null && offset >= 0 && offset + length < _map.Length)
                {
                    // The span runs to where the next value character starts, so it takes in a whole escape such as \u0041.
                    return Location.Create(_tree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(_map[offset], _map[offset + length]));
                }

                if (_segments != null)
                {
                    foreach ((int start, int end, Location location) in _segments)
                    {
                        if (offset >= start && offset < end)
                        {
                            return location;
                        }
                    }

                    // An empty span at the end of a piece (something missing after it) belongs to the attribute that wrote it.
                    foreach ((int start, int end, Location location) in _segments)
                    {
                        if (offset == end)
                        {
                            return location;
                        }
                    }
                }

                return _whole;
            }
        }
    }
}
