using System.Threading.Tasks;
using ScheduleDsl.CodeFixes;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>The code fixes: add partial, use the suggested keyword, start a warmup above 0.</summary>
    public class CodeFixTests
    {
        [Fact]
        public Task AddsPartialToTheTypeAndItsContainers() =>
            AnalyzerTest.VerifyFix<AddPartialCodeFix>(
                "using ScheduleDsl;\npublic class Outer\n{\n    [Schedule(\"lr 0.1: constant\")]\n    internal sealed class {|LRS0100:Decay|} { }\n}\n",
                "using ScheduleDsl;\npublic partial class Outer\n{\n    [Schedule(\"lr 0.1: constant\")]\n    internal sealed partial class Decay { }\n}\n");

        [Fact]
        public Task AddsPartialToATypeWithoutModifiers() =>
            AnalyzerTest.VerifyFix<AddPartialCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: constant\")]\nstruct {|LRS0100:Decay|} { }\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: constant\")]\npartial struct Decay { }\n");

        [Fact]
        public Task ReplacesAnUnknownWordWithTheSuggestion() =>
            AnalyzerTest.VerifyFix<UnknownWordCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: warmup linear 5 from 0.01 -> {|LRS0002:stpe|} 0.8 every 2\")]\npublic partial class Decay;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: warmup linear 5 from 0.01 -> step 0.8 every 2\")]\npublic partial class Decay;\n");

        [Fact]
        public Task ReplacesAnUnknownWordInARawString() =>
            AnalyzerTest.VerifyFix<UnknownWordCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"\"\"\n    lr 0.1:\n      {|LRS0002:Step|} 0.8 every 2\n    \"\"\")]\npublic partial class Decay;\n",
                "using ScheduleDsl;\n[Schedule(\"\"\"\n    lr 0.1:\n      step 0.8 every 2\n    \"\"\")]\npublic partial class Decay;\n");

        /// <summary>Fix All (what <c>dotnet format</c> applies) takes every misspelt word to its first suggestion in one pass.</summary>
        [Fact]
        public Task FixAllFixesDifferentTyposInOnePass() =>
            AnalyzerTest.VerifyFixAll<UnknownWordCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: {|LRS0002:stpe|} 0.8 every 2\")]\npublic partial class A;\n[Schedule(\"lr 0.1: step 0.8 {|LRS0002:evry|} 2\")]\npublic partial class B;\n[Schedule(\"lr 0.1: {|LRS0002:cosnie|} 10 to 0.01\")]\npublic partial class C;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: step 0.8 every 2\")]\npublic partial class A;\n[Schedule(\"lr 0.1: step 0.8 every 2\")]\npublic partial class B;\n[Schedule(\"lr 0.1: cosine 10 to 0.01\")]\npublic partial class C;\n");

        /// <summary>Two typos in one phase are both found, so one Fix All fixes both.</summary>
        [Fact]
        public Task FixAllFixesTwoTyposInOnePhase() =>
            AnalyzerTest.VerifyFixAll<UnknownWordCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: {|LRS0002:stpe|} 0.8 {|LRS0002:evry|} 2\")]\npublic partial class A;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: step 0.8 every 2\")]\npublic partial class A;\n",
                diagnostics: 2);

        /// <summary>Fix All from the second suggestion applies that word wherever it is among the suggestions.</summary>
        [Fact]
        public Task FixAllFromAnotherSuggestionAppliesThatWord() =>
            AnalyzerTest.VerifyFixAll<UnknownWordCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: {|LRS0002:co|}\")]\npublic partial class A;\n[Schedule(\"lr 0.1: {|LRS0002:co|}\")]\npublic partial class B;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: cosine{|LRS0001:|}\")]\npublic partial class A;\n[Schedule(\"lr 0.1: cosine{|LRS0001:|}\")]\npublic partial class B;\n",
                codeActionIndex: 1,
                diagnostics: 2);

        /// <summary>Fix All makes every schedule type in a document partial, and each container once.</summary>
        [Fact]
        public Task FixAllMakesEveryScheduleTypePartial() =>
            AnalyzerTest.VerifyFixAll<AddPartialCodeFix>(
                "using ScheduleDsl;\npublic class Outer\n{\n    [Schedule(\"lr 0.1: constant\")]\n    internal struct {|LRS0100:A|} { }\n    [Schedule(\"lr 0.2: constant\")]\n    internal struct {|LRS0100:B|} { }\n}\n",
                "using ScheduleDsl;\npublic partial class Outer\n{\n    [Schedule(\"lr 0.1: constant\")]\n    internal partial struct A { }\n    [Schedule(\"lr 0.2: constant\")]\n    internal partial struct B { }\n}\n",
                diagnostics: 2);

        [Fact]
        public Task CompletesAKeywordThatIsOutOfPlace() =>
            AnalyzerTest.VerifyFix<MisplacedKeywordCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: {|LRS0001:warm|} linear 5 from 0.01 -> step 0.8 every 2\")]\npublic partial class Decay;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: warmup linear 5 from 0.01 -> step 0.8 every 2\")]\npublic partial class Decay;\n");

        [Theory]
        [InlineData(0, "constant")]
        [InlineData(1, "cosine{|LRS0001:|}")]
        public Task OffersEveryKeywordABeginningMayMean(int index, string fixedText) =>
            AnalyzerTest.VerifyFix<UnknownWordCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: {|LRS0002:co|}\")]\npublic partial class Decay;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: " + fixedText + "\")]\npublic partial class Decay;\n",
                index);

        [Fact]
        public Task AddsAStartToAWarmupFromZero() =>
            AnalyzerTest.VerifyFix<WarmupStartCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: {|LRS0009:warmup|} linear 5 -> step 0.8 every 2\")]\npublic partial class Decay;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: warmup linear 5 from 0.001 -> step 0.8 every 2\")]\npublic partial class Decay;\n");

        /// <summary>A warmup written 'from 0' gets its start replaced, not a second 'from' (which would be LRS0001).</summary>
        [Fact]
        public Task ReplacesAWrittenStartOfZero() =>
            AnalyzerTest.VerifyFix<WarmupStartCodeFix>(
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: {|LRS0009:warmup|} linear 5 from 0 -> step 0.8 every 2\")]\npublic partial class Decay;\n",
                "using ScheduleDsl;\n[Schedule(\"lr 0.1: warmup linear 5 from 0.001 -> step 0.8 every 2\")]\npublic partial class Decay;\n");
    }
}
