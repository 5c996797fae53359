using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ScheduleDsl.Language;
using ScheduleDsl.Language.Model;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// Every kernel of the catalog has what a kernel needs: a formula test, a snapshot of its generated code, a canonical
    /// round trip, an English sentence, a row in docs/dsl.md, a public attribute class, and an attribute form that writes
    /// the same schedule as its text. A new kernel fails here, by name, until each is there (the checklist is in
    /// docs/architecture.md).
    /// </summary>
    public sealed class KernelCoverageTests
    {
        /// <summary>One attribute use per kernel, with every argument it maps, and the text it must mean.</summary>
        private static readonly Dictionary<string, (string Attribute, string Text)> AttributeSamples = new Dictionary<string, (string, string)>
        {
            ["constant"] = ("Constant(0.05)", "constant 0.05"),
            ["hold"] = ("Hold(3)", "hold 3"),
            ["warmup"] = ("Warmup(WarmupShape.Sqrt, 5, From = 0.001, To = 0.1)", "warmup sqrt 5 from 0.001 to 0.1"),
            ["step"] = ("StepDecay(0.8, Every = 2)", "step 0.8 every 2"),
            ["multistep"] = ("MultiStepDecay(0.1, 30, 60)", "multistep 0.1 at 30, 60"),
            ["exp"] = ("ExponentialDecay(0.5, Every = 10, Staircase = true)", "exp 0.5 every 10 staircase"),
            ["inverse-time"] = ("InverseTimeDecay(0.5, Every = 10, Staircase = true)", "inverse-time 0.5 every 10 staircase"),
            ["inverse-sqrt"] = ("InverseSqrtDecay(Scale = 4000)", "inverse-sqrt scale 4000"),
            ["linear"] = ("LinearDecay(100, 0.01)", "linear 100 to 0.01"),
            ["poly"] = ("PolynomialDecay(50, Power = 2, To = 0.001, Cycle = true)", "poly 50 power 2 to 0.001 cycle"),
            ["sqrt"] = ("SqrtDecay(100, To = 0.001)", "sqrt 100 to 0.001"),
            ["cosine"] = ("CosineDecay(100, To = 0.001, Power = 2, KDecay = 1.5)", "cosine 100 to 0.001 power 2 k-decay 1.5"),
            ["tanh"] = ("TanhDecay(20, To = 0.001)", "tanh 20 to 0.001"),
            ["restarts"] = ("CosineRestarts(10, Mult = 1.5, Amplitude = 0.5, To = 1e-4)", "restarts 10 mult 1.5 amplitude 0.5 to 1e-4"),
            ["cyclic"] = ("Cyclic(0.001, 0.006, 5, Mode = CyclicMode.ExpRange, Gamma = 0.99, Down = 7, CycleMomentum = true)", "cyclic exp-range 0.99 0.001 to 0.006 up 5 down 7 momentum"),
            ["onecycle"] = ("OneCycle(0.1, 1000, Warm = 0.25, Div = 10, FinalDiv = 100, Linear = true, ThreePhase = true, MomentumLow = 0.8, MomentumHigh = 0.9)", "onecycle 0.1 over 1000 warm 0.25 div 10 final-div 100 linear three-phase momentum 0.8 to 0.9"),
            ["piecewise"] = ("Piecewise(new[] { 0.1, 0.05, 0.01 }, new[] { 10, 20 })", "piecewise 0.1 until 10, 0.05 until 20, 0.01"),
            ["custom"] = ("Custom(\"myDecay\")", "custom myDecay"),
            ["plateau"] = ("Plateau(0.5, 2, Cooldown = 1, Threshold = 0.01, AbsoluteThreshold = true, Mode = PlateauMode.Max, Floor = 1e-5)", "plateau factor 0.5 patience 2 cooldown 1 threshold 0.01 absolute mode max floor 1e-5"),
        };

        public static TheoryData<string> Kernels()
        {
            var data = new TheoryData<string>();
            foreach (string keyword in KernelCatalog.Keywords)
            {
                data.Add(keyword);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Kernels))]
        public void HasAFormulaTest(string keyword) =>
            Assert.True(
                KindsIn(StringLiterals(Repo("tests/ScheduleDsl.Tests/KernelTests.cs"), Repo("tests/ScheduleDsl.Tests/PlateauTests.cs"))).Contains(Entry(keyword).Kind),
                "No schedule text in tests/ScheduleDsl.Tests/KernelTests.cs or PlateauTests.cs uses '" + keyword + "'; add a test of its formula");

        [Theory]
        [MemberData(nameof(Kernels))]
        public void HasASnapshot(string keyword) =>
            Assert.True(
                KindsIn(SnapshotTexts()).Contains(Entry(keyword).Kind),
                "No Snapshots/Kernel.*.verified.cs holds a schedule with '" + keyword + "'; add one to SnapshotTests.Kernel");

        [Theory]
        [MemberData(nameof(Kernels))]
        public void RoundTripsThroughItsCanonicalText(string keyword)
        {
            foreach (string text in TextsWith(keyword))
            {
                ScheduleModel first = Parse(text);
                string canonical = CanonicalWriter.Write(first);
                ScheduleModel second = Parse(canonical);
                Assert.Equal(canonical, CanonicalWriter.Write(second));
                for (long t = 0; t < 300; t++)
                {
                    Assert.Equal(first.Channels.Length, second.Channels.Length);
                    for (int c = 0; c < first.Channels.Length; c++)
                    {
                        // A custom function is the user's code, run only where it is given (its own tests compare values).
                        if (!first.Channels[c].Root.IsOpaque)
                        {
                            Assert.Equal(first.Channels[c].At(t, null), second.Channels[c].At(t, null));
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Kernels))]
        public void HasAnEnglishSentence(string keyword)
        {
            foreach (string text in TextsWith(keyword))
            {
                foreach (PhaseExplanation phase in Explainer.Explain(Parse(text)))
                {
                    Assert.EndsWith(".", phase.Sentence);
                    Assert.DoesNotContain(phase.Text, phase.Sentence, StringComparison.Ordinal);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Kernels))]
        public void IsDocumented(string keyword)
        {
            string dsl = File.ReadAllText(Repo("docs/dsl.md"));
            Assert.True(dsl.Contains("| `" + keyword + " ", StringComparison.Ordinal) || dsl.Contains("| `" + keyword + "`", StringComparison.Ordinal), "docs/dsl.md's kernel table has no row for '" + keyword + "'");
        }

        [Theory]
        [MemberData(nameof(Kernels))]
        public void HasAPublicAttributeWithEveryMappedArgument(string keyword)
        {
            AttributeForm form = Entry(keyword).Attribute;
            Type? type = typeof(ScheduleAttribute).Assembly.GetType("ScheduleDsl." + form.Name);
            Assert.True(type != null && type.IsPublic, "No public attribute ScheduleDsl." + form.Name + " for '" + keyword + "'");
            int positional = form.Arguments.Where(a => a.Position >= 0).Select(a => a.Kind == AttributeArgumentKind.Piecewise ? 2 : a.Position + 1).DefaultIfEmpty(0).Max();
            Assert.Contains(type!.GetConstructors(), c => c.GetParameters().Length == positional);
            foreach (AttributeArgument argument in form.Arguments.Where(a => a.Property != null))
            {
                Assert.True(type.GetProperty(argument.Property!) is { CanWrite: true }, form.Name + " has no settable " + argument.Property);
            }

            Assert.True(type.GetProperty("For") is { CanWrite: true });
        }

        [Theory]
        [MemberData(nameof(Kernels))]
        public void AttributeFormWritesTheSameScheduleAsTheText(string keyword)
        {
            Assert.True(AttributeSamples.TryGetValue(keyword, out var sample), "No attribute sample for '" + keyword + "' in KernelCoverageTests.AttributeSamples");
            string fromAttributes = ScheduleTextOf("using ScheduleDsl; namespace N; [Schedule(Lr = 0.1), " + sample.Attribute + "] public partial struct S;");
            string fromText = ScheduleTextOf("namespace N; [ScheduleDsl.Schedule(\"lr 0.1: " + sample.Text + "\")] public partial struct S;");
            Assert.Equal(CanonicalWriter.Write(Parse(fromText)), CanonicalWriter.Write(Parse(fromAttributes)));
        }

        [Fact]
        public void TheLanguagesWordsComeFromTheCatalogAndAreTheContractsWords()
        {
            // The words of the contract, as the keyword list held them before the catalog derived it, and those v2 adds.
            string[] contract =
            {
                "constant", "hold", "warmup", "step", "multistep", "exp", "inverse-time", "inverse-sqrt", "linear", "poly",
                "cosine", "tanh", "restarts", "cyclic", "onecycle", "piecewise", "plateau", "lr", "per", "min", "epoch",
                "from", "to", "every", "at", "staircase", "scale", "power", "mult", "decay", "triangular", "triangular2",
                "exp-range", "up", "down", "over", "warm", "div", "final-div", "three-phase", "until", "factor", "patience",
                "cooldown", "threshold", "mode", "max", "floor", "for",
                // v2 kernel options
                "sqrt", "k-decay", "cycle", "absolute", "skip", "steps-per-epoch", "epochs", "amplitude",
                // v2 channels
                "momentum", "weight-decay", "custom",
            };
            Assert.Equal(contract.OrderBy(w => w, StringComparer.Ordinal), Keywords.AllWords);
        }

        [Fact]
        public void TheGeneratorCompilesEveryLanguageSourceByItsExplicitList()
        {
            string language = Repo("src/ScheduleDsl/Language");
            var onDisk = Directory.GetFiles(language, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(language, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal);
            var listed = Regex.Matches(File.ReadAllText(Repo("src/ScheduleDsl.Generators/ScheduleDsl.Generators.csproj")), "\\$\\(LanguageSources\\)([^\"]+)\"")
                .Select(m => m.Groups[1].Value.Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(onDisk, listed);
        }

        [Fact]
        public void TheMomentumOptionOfAnAttributeNeedsBothLevelsOrNone()
        {
            Assert.Equal("lr 0.1: onecycle 0.1 over 100 momentum", ScheduleTextOf("using ScheduleDsl; namespace N; [Schedule(Lr = 0.1), OneCycle(0.1, 100, CycleMomentum = true)] public partial struct S;"));
            Assert.Equal("lr 0.1: onecycle 0.1 over 100", ScheduleTextOf("using ScheduleDsl; namespace N; [Schedule(Lr = 0.1), OneCycle(0.1, 100, CycleMomentum = false)] public partial struct S;"));
            string half = ScheduleTextOf("using ScheduleDsl; namespace N; [Schedule(Lr = 0.1), OneCycle(0.1, 100, MomentumLow = 0.8)] public partial struct S;");
            Assert.Equal("lr 0.1: onecycle 0.1 over 100 momentum 0.8 to ?", half);
            Assert.Null(Parser.Parse(half).Model);
        }

        [Fact]
        public void SkipAndForOfAPhaseAttributeWriteTheSameScheduleAsTheText()
        {
            string fromAttributes = ScheduleTextOf("using ScheduleDsl; namespace N; [Schedule(Lr = 0.1), Warmup(WarmupShape.Linear, 5, From = 1e-4), CosineDecay(100, Skip = 5, For = 50)] public partial struct S;");
            Assert.Equal("lr 0.1: warmup linear 5 from 0.0001 -> cosine 100 skip 5 for 50", CanonicalWriter.Write(Parse(fromAttributes)));
        }

        [Fact]
        public void StepsPerEpochOfTheScheduleAttributeIsTheHeaderItem()
        {
            string fromAttributes = ScheduleTextOf("using ScheduleDsl; namespace N; [Schedule(Lr = 0.1, Per = ScheduleUnit.Step, StepsPerEpoch = 390), CosineDecay(1000)] public partial struct S;");
            Assert.Equal("lr 0.1 per step steps-per-epoch 390: cosine 1000", CanonicalWriter.Write(Parse(fromAttributes)));
        }

        private static KernelEntry Entry(string keyword) => KernelCatalog.Find(keyword);

        private static ScheduleModel Parse(string text) =>
            Parser.Parse(text).Model ?? throw new InvalidOperationException("'" + text + "' does not parse: " + string.Join("; ", Parser.Parse(text).Diagnostics.Select(d => d.Message)));

        private static string ScheduleTextOf(string source)
        {
            var (_, run, diagnostics) = GeneratorHarness.Generate(source);
            Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("LRS", StringComparison.Ordinal)));
            Match match = Regex.Match(GeneratorHarness.GeneratedText(run, "N.S.g.cs"), "ScheduleText = \"((?:[^\"\\\\]|\\\\.)*)\";");
            Assert.True(match.Success, "no ScheduleText in the generated code");
            return Regex.Unescape(match.Groups[1].Value);
        }

        private static IEnumerable<string> TextsWith(string keyword)
        {
            KernelKind kind = Entry(keyword).Kind;
            var texts = SnapshotTexts().Concat(StringLiterals(Repo("tests/ScheduleDsl.Tests/KernelTests.cs"), Repo("tests/ScheduleDsl.Tests/PlateauTests.cs")))
                .Where(text => KindsOf(text).Contains(kind)).Distinct().ToList();
            Assert.NotEmpty(texts);
            return texts;
        }

        private static IEnumerable<string> SnapshotTexts()
        {
            foreach (string file in Directory.GetFiles(Path.Combine(Here(), "Snapshots"), "Kernel.*.verified.cs"))
            {
                Match match = Regex.Match(File.ReadAllText(file), "ScheduleText = \"((?:[^\"\\\\]|\\\\.)*)\";");
                if (match.Success)
                {
                    yield return Regex.Unescape(match.Groups[1].Value);
                }
            }
        }

        /// <summary>The string literals of C# test files that are valid schedule texts.</summary>
        private static IEnumerable<string> StringLiterals(params string[] files)
        {
            foreach (string file in files)
            {
                foreach (Match match in Regex.Matches(File.ReadAllText(file), "\"((?:[^\"\\\\]|\\\\.)*)\""))
                {
                    string text = Regex.Unescape(match.Groups[1].Value);
                    if (Parser.Parse(text).Model != null)
                    {
                        yield return text;
                    }
                }
            }
        }

        private static HashSet<KernelKind> KindsIn(IEnumerable<string> texts)
        {
            var kinds = new HashSet<KernelKind>();
            foreach (string text in texts)
            {
                kinds.UnionWith(KindsOf(text));
            }

            return kinds;
        }

        private static HashSet<KernelKind> KindsOf(string text)
        {
            var kinds = new HashSet<KernelKind>();
            ScheduleModel? model = Parser.Parse(text).Model;
            if (model != null)
            {
                foreach (ChannelModel channel in model.Channels)
                {
                    Collect(channel.Root, kinds);
                }
            }

            return kinds;
        }

        private static void Collect(ScheduleNode node, HashSet<KernelKind> kinds)
        {
            switch (node)
            {
                case ChainNode chain:
                    Array.ForEach(chain.Phases, p => Collect(p, kinds));
                    break;
                case ProductNode product:
                    Array.ForEach(product.Operands, p => Collect(p, kinds));
                    break;
                case CutNode cut:
                    Collect(cut.Inner, kinds);
                    break;
                case SkipNode skip:
                    Collect(skip.Inner, kinds);
                    break;
                case KernelNode kernel:
                    kinds.Add(kernel.Kind);
                    break;
                default:
                    throw new InvalidOperationException("Unknown node " + node.GetType().Name);
            }
        }

        private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

        private static string Repo(string relative) => Path.GetFullPath(Path.Combine(Here(), "..", "..", relative));
    }
}
