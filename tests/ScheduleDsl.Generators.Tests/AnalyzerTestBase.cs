using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>Analyzer and code-fix tests against .NET 10 reference assemblies that ship with the test (nothing downloaded).</summary>
    internal static class AnalyzerTest
    {
        private static readonly ReferenceAssemblies Net10 = new ReferenceAssemblies("net10.0");

        public static Task Verify(string markup)
        {
            var test = new CSharpAnalyzerTest<ScheduleAnalyzer, DefaultVerifier> { TestCode = markup, ReferenceAssemblies = Net10 };
            AddReferences(test.TestState);
            return test.RunAsync();
        }

        public static Task VerifyFix<TFix>(string markup, string fixedCode, int? codeActionIndex = null)
            where TFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<ScheduleAnalyzer, TFix, DefaultVerifier>
            {
                TestCode = markup,
                FixedCode = fixedCode,
                ReferenceAssemblies = Net10,
                CodeActionIndex = codeActionIndex,
            };
            AddReferences(test.TestState);
            AddReferences(test.FixedState);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync();
        }

        /// <summary>Fix All in one iteration from the chosen action (<paramref name="codeActionIndex"/>); <paramref name="diagnostics"/> is how many fixes applying them one by one takes.</summary>
        public static Task VerifyFixAll<TFix>(string markup, string fixedCode, int? codeActionIndex = null, int diagnostics = 3)
            where TFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<ScheduleAnalyzer, TFix, DefaultVerifier>
            {
                TestCode = markup,
                FixedCode = fixedCode,
                ReferenceAssemblies = Net10,
                NumberOfFixAllIterations = 1,
                CodeActionIndex = codeActionIndex,
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
                NumberOfIncrementalIterations = diagnostics,
            };
            AddReferences(test.TestState);
            AddReferences(test.FixedState);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync();
        }

        private static void AddReferences(SolutionState state)
        {
            state.AdditionalReferences.AddRange(GeneratorHarness.References);
        }
    }
}
