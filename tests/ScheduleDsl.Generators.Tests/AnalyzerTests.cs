using System.Threading.Tasks;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>Every LRS diagnostic, reported under the exact characters for every kind of string literal.</summary>
    public class AnalyzerTests
    {
        private static string Type(string attribute) => "using ScheduleDsl;\n" + attribute + "\npublic partial class Decay;\n";

        [Theory]
        [InlineData("LRS0001", "[Schedule(\"step 0.8{|LRS0001:|}\")]")]
        [InlineData("LRS0001", "[Schedule(\"step 0.8 every 2 {|LRS0001:every|} 3\")]")]
        [InlineData("LRS0002", "[Schedule(\"warmup linear 5 from 0.01 -> {|LRS0002:stpe|} 0.8 every 2\")]")]
        [InlineData("LRS0003", "[Schedule(\"step {|LRS0003:.5|} every 2\")]")]
        [InlineData("LRS0004", "[Schedule(\"step 0.8 every {|LRS0004:2.5|}\")]")]
        [InlineData("LRS0005", "[Schedule(\"step 0.5 every 2 -> {|LRS0005:cosine 10|}\")]")]
        [InlineData("LRS0006", "[Schedule(\"multistep 0.1 at 30, {|LRS0006:20|}\")]")]
        [InlineData("LRS0007", "[Schedule(\"exp {|LRS0007:1.01|}\")]")]
        [InlineData("LRS0008", "[Schedule(\"lr {|LRS0008:2|}: constant\")]")]
        [InlineData("LRS0009", "[Schedule(\"{|LRS0009:warmup|} linear 5 -> constant\")]")]
        [InlineData("LRS0010", "[Schedule(\"linear 10 to 0 {|LRS0010:for 5|}\")]")]
        public Task EachLanguageDiagnosticInARegularString(string id, string attribute)
        {
            _ = id;
            return AnalyzerTest.Verify(Type(attribute));
        }

        [Fact]
        public Task SpansSkipEscapesBeforeThem() =>
            AnalyzerTest.Verify(Type("[Schedule(\"warmup linear 5 from 0.01\\t->\\n{|LRS0002:stpe|} 0.8 every 2\")]"));

        [Fact]
        public Task SpansCoverEscapesInsideThem() =>
            AnalyzerTest.Verify(Type("[Schedule(\"warmup linear 5 from 0.01 -> {|LRS0002:\\u0073tpe|} 0.8 every 2\")]"));

        [Fact]
        public Task VerbatimStringsSpanLinesAndDoubledQuotes() =>
            AnalyzerTest.Verify(Type("[Schedule(@\"lr 0.1: # a \"\"quoted\"\" comment\n  warmup linear 5 from 0.01\n  -> {|LRS0002:stpe|} 0.8 every 2\")]"));

        [Fact]
        public Task SingleLineRawStrings() =>
            AnalyzerTest.Verify(Type("[Schedule(\"\"\"warmup linear 5 from 0.01 -> {|LRS0002:stpe|} 0.8 every 2\"\"\")]"));

        [Fact]
        public Task MultiLineRawStringsWithIndentation() =>
            AnalyzerTest.Verify(Type("[Schedule(\"\"\"\n        lr 0.1 per step:\n          warmup linear 500 from 0.001   # gentle start\n          -> {|LRS0002:cosnie|} 9500 to 1e-5\n        \"\"\")]"));

        /// <summary>While the user types, one squiggle per mistake (the analyzer test fails on any diagnostic not marked).</summary>
        [Theory]
        [InlineData("[Schedule(\"lr{|LRS0001:|}\")]")]
        [InlineData("[Schedule(\"lr 0.1 per{|LRS0001:|}\")]")]
        [InlineData("[Schedule(\"lr 0.1: ({|LRS0001:|}\")]")]
        [InlineData("[Schedule(\"lr 0.1: {|LRS0001:warm|}\")]")]
        [InlineData("[Schedule(\"lr 0.1: {|LRS0002:war|}\")]")]
        [InlineData("[Schedule(\"lr {|LRS0003:1e-|}\")]")]
        public Task MidTypingTextsGetOneDiagnostic(string attribute) => AnalyzerTest.Verify(Type(attribute));

        [Fact]
        public Task EndOfTextInARawString() =>
            AnalyzerTest.Verify(Type("[Schedule(\"\"\"\n    lr 0.1:\n      step 0.8{|LRS0001:|}\n    \"\"\")]"));

        [Fact]
        public Task ConstantsReportOnTheWholeArgument() =>
            AnalyzerTest.Verify("using ScheduleDsl;\nstatic class Texts { public const string Decay = \"stpe 0.8 every 2\"; }\n[Schedule({|LRS0002:Texts.Decay|})]\npublic partial class Decay;\n");

        [Fact]
        public Task ConcatenationsReportOnTheWholeArgument() =>
            AnalyzerTest.Verify(Type("[Schedule({|LRS0002:\"warmup linear 5 from 0.01 -> \" + \"stpe 0.8 every 2\"|})]"));

        [Fact]
        public Task SeveralErrorsAtOnce() =>
            AnalyzerTest.Verify(Type("[Schedule(\"{|LRS0002:stpe|} 0.8 every 2 -> step {|LRS0003:.5|} every {|LRS0004:0|}\")]"));

        [Fact]
        public Task PragmaSuppressesAWarning() =>
            AnalyzerTest.Verify("using ScheduleDsl;\n#pragma warning disable LRS0008\n[Schedule(\"lr 2: constant\")]\n#pragma warning restore LRS0008\npublic partial class Decay;\n");

        [Fact]
        public Task AttributeFormReportsOnThePhaseAttribute() =>
            AnalyzerTest.Verify(Type("[Schedule(Lr = 0.1), Warmup(WarmupShape.Linear, 5, From = 0.01), {|LRS0004:StepDecay(0.8, Every = 0)|}]"));

        [Fact]
        public Task AttributeFormMissingClause() =>
            AnalyzerTest.Verify(Type("[Schedule(Lr = 0.1), {|LRS0001:StepDecay(0.8)|}]"));

        [Fact]
        public Task AttributeFormHeaderReportsOnSchedule() =>
            AnalyzerTest.Verify(Type("[{|LRS0008:Schedule(Lr = 3)|}, StepDecay(0.8, Every = 2)]"));

        [Fact]
        public Task NotPartial() =>
            AnalyzerTest.Verify("using ScheduleDsl;\n[Schedule(\"constant\")]\npublic class {|LRS0100:Decay|} { }\n");

        [Fact]
        public Task ContainerNotPartial() =>
            AnalyzerTest.Verify("using ScheduleDsl;\npublic class Outer\n{\n    [Schedule(\"constant\")]\n    public partial class {|LRS0100:Decay|} { }\n}\n");

        [Fact]
        public Task Generic() =>
            AnalyzerTest.Verify("using ScheduleDsl;\n[Schedule(\"constant\")]\npublic partial class {|LRS0101:Decay|}<T> { }\n");

        [Fact]
        public Task NestedInGeneric() =>
            AnalyzerTest.Verify("using ScheduleDsl;\npublic partial class Outer<T>\n{\n    [Schedule(\"constant\")]\n    public partial class {|LRS0101:Decay|} { }\n}\n");

        [Fact]
        public Task NullText() =>
            AnalyzerTest.Verify(Type("[Schedule({|LRS0102:null|})]"));

        [Fact]
        public Task MixedForms() =>
            AnalyzerTest.Verify(Type("[{|LRS0103:Schedule(\"constant\", Lr = 0.1)|}]"));

        [Fact]
        public Task TextAndPhaseAttributes() =>
            AnalyzerTest.Verify(Type("[{|LRS0103:Schedule(\"constant\")|}, StepDecay(0.8, Every = 2)]"));

        [Fact]
        public Task NoScheduleAtAll() =>
            AnalyzerTest.Verify(Type("[{|LRS0103:Schedule|}]"));

        [Fact]
        public Task PhasesSplitAcrossDeclarations() =>
            AnalyzerTest.Verify("using ScheduleDsl;\n[Schedule(Lr = 0.1), StepDecay(0.8, Every = 2)]\npublic partial class Decay;\n[{|LRS0103:ConstantAttribute|}]\npublic partial class Decay;\n");

        [Fact]
        public Task ValidSchedulesHaveNoDiagnostic() =>
            AnalyzerTest.Verify(Type("[Schedule(\"lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5\")]"));
    }
}
