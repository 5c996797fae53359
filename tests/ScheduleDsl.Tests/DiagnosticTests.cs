using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>Every diagnostic ID of the contract with its exact span, severity and a message that says what and where.</summary>
    public class DiagnosticTests
    {
        public static IEnumerable<object[]> Cases => new[]
        {
            // LRS0001: syntax
            new object[] { "LRS0001", "step 0.8 every 2 [|every|] 3", "already has 'every'" },
            new object[] { "LRS0001", "step 0.8[||]", "'step' needs 'every k'; found end of text" },
            new object[] { "LRS0001", "step [|every|] 2", "Expected a number (the decay factor) after 'step', found 'every'" },
            new object[] { "LRS0001", "lr 0.1 [|step|] 0.5 every 1", "Expected ':'" },
            new object[] { "LRS0001", "constant [|@|]", "Unexpected character '@'" },
            new object[] { "LRS0001", "warmup linear 5 -> [||]", "found end of text" },
            new object[] { "LRS0001", "(constant[||]", "Expected ')'" },
            new object[] { "LRS0001", "constant[|)|]", "no '(' for it to close" },
            new object[] { "LRS0001", "[||]", "Expected a schedule" },
            new object[] { "LRS0001", "  # only a comment[||]", "Expected a schedule" },
            new object[] { "LRS0001", "lr 0.1 [|lr|] 0.2: constant", "already gives 'lr'" },
            new object[] { "LRS0001", "step 0.5 every 2 [|from|] 1", "after 'step'" },
            new object[] { "LRS0001", "cyclic 0.1 [|up|] 2", "'to hi'" },
            new object[] { "LRS0001", "piecewise 1 until 10 [|0.5|]", "','" },
            // LRS0002: unknown words, with the nearest keyword valid there
            new object[] { "LRS0002", "warmup linear 5 -> [|stpe|] 0.8 every 2", "did you mean 'step'?" },
            new object[] { "LRS0002", "[|Step|] 0.5 every 2", "did you mean 'step'?" },
            new object[] { "LRS0002", "step 0.5 [|evry|] 2", "did you mean 'every'?" },
            new object[] { "LRS0002", "warmup [|liner|] 5", "did you mean 'linear'?" },
            new object[] { "LRS0002", "lr 0.1 per [|epoc|]: constant", "did you mean 'epoch'?" },
            new object[] { "LRS0002", "plateau factor 0.5 patience 2 mode [|maximum|]", "'min' or 'max'" },
            new object[] { "LRS0002", "[|zzz|]", "expected one of" },
            // LRS0003: malformed numbers
            new object[] { "LRS0003", "step [|.5|] every 2", "digit before the decimal point" },
            new object[] { "LRS0003", "constant [|5.|]", "digit after the decimal point" },
            new object[] { "LRS0003", "constant [|0.8.5|]", "at most one decimal point" },
            new object[] { "LRS0003", "constant [|1e999|]", "too large" },
            new object[] { "LRS0003", "step [|-0.5|] every 2", "sign" },
            new object[] { "LRS0003", "step 0.5 every [|2x|]", "glued to a letter" },
            new object[] { "LRS0003", "step 0.5 every [|2every|]", "glued to a letter" },
            new object[] { "LRS0003", "hold [|3000000000|]", "at most 2147483647" },
            new object[] { "LRS0003", "constant [|1e-400|]", "round to 0" },
            // LRS0004: parameters out of range
            new object[] { "LRS0004", "hold [|0|]", "at least 1" },
            new object[] { "LRS0004", "step 0.8 every [|2.5|]", "not a whole number" },
            new object[] { "LRS0004", "step [|0|] every 2", "greater than 0" },
            new object[] { "LRS0004", "plateau factor [|1|] patience 2", "strictly between 0 and 1" },
            new object[] { "LRS0004", "plateau factor 0.5 patience 2 cooldown [|1.5|]", "not a whole number" },
            new object[] { "LRS0004", "poly 10 power [|0|]", "greater than 0" },
            new object[] { "LRS0004", "cyclic [|0.5 to 0.1|] up 2", "must be below the highest" },
            new object[] { "LRS0004", "onecycle 0.1 over 10 warm [|1.2|]", "strictly between 0 and 1" },
            new object[] { "LRS0004", "onecycle 0.1 over [|3|]", "warm × N must exceed 1" },
            new object[] { "LRS0004", "onecycle 0.1 over 10 warm [|0.6|] three-phase", "no room for the last phase" },
            new object[] { "LRS0004", "warmup exp 5 from [|0|]", "greater than 0" },
            // Contract v2 allows any mult ≥ 1 (timm cycle_mul, Keras t_mul); below 1 the cycles would shrink.
            new object[] { "LRS0004", "restarts 10 mult [|0.5|]", "at least 1" },
            new object[] { "LRS0004", "restarts 10 amplitude [|0|]", "greater than 0" },
            new object[] { "LRS0007", "restarts 10 amplitude [|1.5|]", "grows without bound" },
            new object[] { "LRS0004", "inverse-sqrt scale [|0|]", "greater than 0" },
            new object[] { "LRS0004", "constant for [|0|]", "at least 1" },
            new object[] { "LRS0004", "cyclic exp-range [|0|] 0.1 to 1 up 2", "greater than 0" },
            // v2 options
            new object[] { "LRS0004", "cosine 10 power [|0|]", "greater than 0" },
            new object[] { "LRS0004", "cosine 10 k-decay [|0|]", "greater than 0" },
            new object[] { "LRS0004", "cosine 10 skip [|10|]", "skips the whole phase" },
            new object[] { "LRS0004", "(warmup linear 2 -> plateau factor 0.5 patience 1) skip [|1|]", "holds a 'plateau'" },
            new object[] { "LRS0004", "cosine 10 skip [|0|]", "at least 1" },
            new object[] { "LRS0001", "cosine 10 skip 2 [|skip|] 3", "already has 'skip'" },
            // Parts of contract v2 not built yet are refused at the word, never read as something else.
            // v2 channels
            new object[] { "LRS0001", "lr 0.1: constant; momentum 0.8: constant; [|momentum 0.9|]: constant", "already schedules the momentum" },
            new object[] { "LRS0001", "lr 0.1: constant; [|constant|]", "Only the first channel may leave" },
            new object[] { "LRS0001", "momentum 0.9: constant; [|lr|] 0.1: constant", "learning-rate channel comes first" },
            new object[] { "LRS0001", "lr 0.1 [|momentum|] 0.9: constant", "drives one hyperparameter" },
            new object[] { "LRS0001", "lr 0.1: constant; momentum 0.9 [|per|] step: constant", "applies to the whole text" },
            new object[] { "LRS0001", "lr 0.1: constant;[||]", "found end of text" },
            new object[] { "LRS0004", "momentum [|1.2|]: constant", "momentum levels lie in [0, 1)" },
            new object[] { "LRS0004", "momentum 0.9: warmup linear 5 from 0.5 to [|1|]", "momentum levels lie in [0, 1)" },
            new object[] { "LRS0004", "lr 0.1: constant; weight-decay 0.1: [|plateau|] factor 0.5 patience 2", "metrics drive the learning rate only" },
            new object[] { "LRS0001", "lr 0.1 per step: onecycle 0.1 over 100 [|momentum|]; momentum 0.9: constant", "own channel" },
            new object[] { "LRS0001", "lr 0.1: constant; weight-decay 0.1: cyclic 0.1 to 0.2 up 5 [|momentum|]", "belongs to a kernel of the learning-rate channel" },
            new object[] { "LRS0001", "(onecycle 1 over 100 momentum) * (cyclic 0.5 to 1 up 5 [|momentum 0.8 to 0.9|])", "only one of them" },
            new object[] { "LRS0004", "onecycle 0.1 over 100 momentum [|0.9 to 0.8|]", "must be below the highest" },
            new object[] { "LRS0004", "cyclic 0.1 to 0.2 up 5 momentum 0.8 to [|1.5|]", "momentum levels lie in [0, 1)" },
            new object[] { "LRS0001", "onecycle 0.1 over 100 momentum 0.8 [|up|] 0.9", "'to hi' after the lowest momentum" },
            // v2 custom: names (LRS0012, a name not given to Schedule.Parse, is in CustomTests)
            new object[] { "LRS0001", "lr 0.1: custom [|step|]", "is a word of the schedule language" },
            new object[] { "LRS0001", "lr 0.1: custom [|my-decay|]", "letters and digits only" },
            new object[] { "LRS0001", "lr 0.1: custom [|At|]", "a member every generated schedule has" },
            new object[] { "LRS0001", "lr 0.1: custom [|0.5|]", "the name of the function after 'custom'" },
            new object[] { "LRS0001", "lr 0.1: custom f [|to|] 0.5", "end of text" },
            new object[] { "LRS0004", "onecycle 0.1 over 100 div [|0|]", "greater than 0" },
            // LRS0005: unreachable phase
            new object[] { "LRS0005", "step 0.5 every 2 -> [|cosine 10|]", "never reached" },
            new object[] { "LRS0005", "warmup linear 2 from 0.1 -> (step 0.5 every 2) * (constant 2) -> [|(linear 3 to 0) for 4|]", "never reached" },
            // LRS0006: not strictly increasing
            new object[] { "LRS0006", "multistep 0.1 at 30, [|20|], 40", "greater than the one before (30)" },
            new object[] { "LRS0006", "multistep 0.1 at 30, [|30|]", "greater than the one before (30)" },
            new object[] { "LRS0006", "piecewise 1 until 10, 0.5 until [|10|], 0.1", "greater than the one before (10)" },
            new object[] { "LRS0006", "piecewise 1 until [|0|], 0.5", "the start of the phase (0)" },
            // LRS0007: unbounded growth
            new object[] { "LRS0007", "step [|1.5|] every 2", "grows without bound" },
            new object[] { "LRS0007", "exp [|1.01|]", "grows without bound" },
            new object[] { "LRS0007", "restarts 10 decay [|2|]", "grows without bound" },
            new object[] { "LRS0007", "cyclic exp-range [|1.01|] 0.1 to 1 up 2", "grows without bound" },
            // LRS0008: suspicious levels (warnings)
            new object[] { "LRS0008", "lr [|2|]: constant", "above 1" },
            new object[] { "LRS0008", "lr 0.1: constant [|3|]", "above 1" },
            new object[] { "LRS0008", "lr 0.1: warmup linear 5 from 0.5 to [|0.1|]", "below its start" },
            new object[] { "LRS0008", "lr 0.01: warmup linear 5 from [|0.1|]", "below its start" },
            // LRS0009: warmup from exactly 0 (info)
            new object[] { "LRS0009", "[|warmup|] linear 5 -> step 0.8 every 2", "first epoch does not train" },
            new object[] { "LRS0009", "lr 0.1 per step: [|warmup|] cosine 5 from 0", "first step does not train" },
            // LRS0010: a cut before the end (info)
            new object[] { "LRS0010", "linear 10 to 0 [|for 5|]", "never reaches its end level" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void ReportsTheIdWithItsExactSpan(string id, string markup, string messagePart)
        {
            (string text, int offset, int length) = Markup.Parse(markup);
            IReadOnlyList<ScheduleDiagnostic> diagnostics = Schedule.Check(text);
            ScheduleDiagnostic? found = diagnostics.FirstOrDefault(d => d.Id == id);
            Assert.True(found != null, $"no {id} for '{text}'; got: {string.Join(" | ", diagnostics)}");
            Assert.Equal((offset, length), (found!.Offset, found.Length));
            Assert.Contains(messagePart, found.Message, System.StringComparison.Ordinal);
            ScheduleDiagnosticSeverity expected = id == "LRS0008" ? ScheduleDiagnosticSeverity.Warning : id == "LRS0009" || id == "LRS0010" ? ScheduleDiagnosticSeverity.Info : ScheduleDiagnosticSeverity.Error;
            Assert.Equal(expected, found.Severity);
        }

        /// <summary>What a user sees while typing: one error per mistake, at the exact spot, with the keywords it may become.</summary>
        [Theory]
        [InlineData("lr[||]", "LRS0001", "Expected a number (the learning rate) after 'lr', found end of text", "")]
        [InlineData("lr 0.1 per[||]", "LRS0001", "Expected 'epoch' or 'step' (the unit) after 'per'", "")]
        [InlineData("step[||]", "LRS0001", "Expected a number (the decay factor) after 'step'", "")]
        [InlineData("([||]", "LRS0001", "Expected a kernel", "")]
        [InlineData("cosine 10 ->[||]", "LRS0001", "Expected a kernel", "")]
        [InlineData("[|warm|]", "LRS0001", "found 'warm'; did you mean 'warmup'?", "warmup")]
        [InlineData("lr 0.1: [|warm|] linear 5", "LRS0001", "did you mean 'warmup'?", "warmup")]
        [InlineData("[|w|]", "LRS0002", "Unknown word 'w'; did you mean 'warmup'?", "warmup")]
        [InlineData("[|war|]", "LRS0002", "did you mean 'warmup'?", "warmup")]
        [InlineData("[|warmu|]", "LRS0002", "did you mean 'warmup'?", "warmup")]
        [InlineData("[|cos|] 10", "LRS0002", "did you mean 'cosine'?", "cosine")]
        [InlineData("[|co|] 10", "LRS0002", "did you mean 'constant' or 'cosine'?", "constant cosine")]
        [InlineData("[|plat|]", "LRS0002", "did you mean 'plateau'?", "plateau")]
        [InlineData("step 0.8 [|ev|]", "LRS0002", "did you mean 'every'?", "every")]
        [InlineData("onecycle 0.1 [|ov|]", "LRS0002", "did you mean 'over'?", "over")]
        [InlineData("[|Step|] 0.5 every 2", "LRS0002", "did you mean 'step'?", "step")]
        [InlineData("lr [|1e-|]", "LRS0003", "Malformed number '1e-'", "")]
        [InlineData("step 0.5 [|everyy|]", "LRS0002", "did you mean 'every'?", "every")]
        public void AnUnfinishedTextGetsOneErrorWithItsSuggestions(string markup, string id, string message, string suggestions)
        {
            (string text, int offset, int length) = Markup.Parse(markup);
            ScheduleDiagnostic d = Assert.Single(Schedule.Check(text), x => x.Severity == ScheduleDiagnosticSeverity.Error);
            Assert.Equal(id, d.Id);
            Assert.Equal((offset, length), (d.Offset, d.Length));
            Assert.Contains(message, d.Message, System.StringComparison.Ordinal);
            Assert.Equal(suggestions, string.Join(" ", d.Suggestions));
        }

        /// <summary>
        /// After an unknown word that can only have meant one keyword, the parser reads on as that keyword, so a second
        /// mistake in the same phase is reported in the same pass; a word that may mean several stops the phase there.
        /// </summary>
        [Theory]
        [InlineData("[|stpe|] 0.8 [|evry|] 2", "step", "every")]
        [InlineData("lr 0.1: warmup linear 5 from 0.01 -> [|cosnie|] 10 [|ot|] 0.01", "cosine", "to")]
        [InlineData("[|stpe|] 0.8 every 2 [|fro|] 4", "step", "for")]
        public void ReadsOnAfterAnUnknownWordThatCanMeanOneKeyword(string markup, string first, string second)
        {
            (string text, IReadOnlyList<(int Offset, int Length)> spans) = Markup.ParseAll(markup);
            ScheduleDiagnostic[] errors = Schedule.Check(text).Where(d => d.Severity == ScheduleDiagnosticSeverity.Error).ToArray();
            Assert.Equal(new[] { "LRS0002", "LRS0002" }, errors.Select(d => d.Id));
            Assert.Equal(spans, errors.Select(d => (d.Offset, d.Length)));
            Assert.Equal(new[] { first, second }, errors.Select(d => string.Join(" ", d.Suggestions)));
        }

        [Fact]
        public void AnUnknownWordWithSeveralMeaningsEndsThePhase()
        {
            ScheduleDiagnostic d = Assert.Single(Schedule.Check("co 10 evry 2"), x => x.Severity == ScheduleDiagnosticSeverity.Error);
            Assert.Equal(("LRS0002", 0, 2), (d.Id, d.Offset, d.Length));
        }

        [Theory]
        [InlineData("step 1.5 every 2 for 10")]
        [InlineData("(warmup linear 2 from 0.5 -> exp 1.1) for 5")]
        [InlineData("lr 0.1: (constant 3) * (step 0.5 every 1)")]
        [InlineData("constant 3")]
        [InlineData("multistep 0.1 at 0, 5")]
        [InlineData("linear 10 to 0 for 10")]
        public void ValidTextsHaveNoErrorOrWarning(string text)
        {
            Assert.DoesNotContain(Schedule.Check(text), d => d.Severity != ScheduleDiagnosticSeverity.Info);
        }

        [Fact]
        public void SeveralErrorsAreReportedAtOnce()
        {
            IReadOnlyList<ScheduleDiagnostic> diagnostics = Schedule.Check("stpe 0.8 every 2 -> step .5 every 0 -> cosnie 10");
            Assert.Equal(new[] { "LRS0002", "LRS0003", "LRS0004", "LRS0002" }, diagnostics.Select(d => d.Id).ToArray());
        }

        [Fact]
        public void WarningsAndInfosDoNotStopParsing()
        {
            Assert.True(Schedule.TryParse("lr 2: warmup linear 5", out ILearningRateSchedule? s, out IReadOnlyList<ScheduleDiagnostic> diagnostics));
            Assert.NotNull(s);
            Assert.Equal(new[] { "LRS0008", "LRS0009" }, diagnostics.Select(d => d.Id).ToArray());
        }

        [Fact]
        public void ParseExceptionCarriesEveryDiagnosticAndACaretRendering()
        {
            ScheduleParseException e = Assert.Throws<ScheduleParseException>(() => Schedule.Parse("warmup linear 5 -> stpe 0.8 every 2"));
            Assert.Single(e.Diagnostics, d => d.Id == "LRS0002");
            Assert.Contains("LRS0002 error (line 1, column 20): Unknown word 'stpe'; did you mean 'step'?\n  warmup linear 5 -> stpe 0.8 every 2\n                     ^^^^", e.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void RenderingPointsIntoTheRightLineOfAMultiLineText()
        {
            string text = "lr 0.1 per step:\n  warmup linear 500\n  -> cosnie 9500";
            ScheduleParseException e = Assert.Throws<ScheduleParseException>(() => Schedule.Parse(text));
            Assert.Contains("(line 3, column 6)", e.Message, System.StringComparison.Ordinal);
            Assert.Contains("\n    -> cosnie 9500\n       ^^^^^^", e.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void DeepNestingIsAnErrorNotAStackOverflow()
        {
            string text = new string('(', 100000) + "constant" + new string(')', 100000);
            ScheduleDiagnostic d = Assert.Single(Schedule.Check(text));
            Assert.Equal("LRS0001", d.Id);
            Assert.Equal(32, d.Offset);
            Assert.True(Schedule.TryParse(new string('(', 32) + "constant" + new string(')', 32), out _, out _));
        }

        [Fact]
        public void LongChainsParseWithoutRecursion()
        {
            string text = string.Join(" -> ", Enumerable.Repeat("hold 1", 20000)) + " -> constant";
            Assert.Equal(1.0, Schedule.Parse(text).At(19999));
        }
    }
}
