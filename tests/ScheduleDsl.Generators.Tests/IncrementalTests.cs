using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScheduleDsl.Generators.Emit;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>Caching: unrelated edits leave every step cached; one schedule's edit regenerates only its file; the model is plain data.</summary>
    public class IncrementalTests
    {
        private const string Schedules = "using ScheduleDsl;\nnamespace N;\n[Schedule(\"lr 1e-2: step 0.8 every 2\")] public partial struct A;\n[Schedule(\"lr 0.1: cosine 10\")] public partial class B;\n";
        private const string Other = "namespace N;\npublic class Unrelated { public int X; }\n";

        [Fact]
        public void AnUnrelatedEditLeavesEveryStepCached()
        {
            CSharpCompilation first = GeneratorHarness.Compilation(Schedules, Other);
            GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(first);
            SyntaxTree other = first.SyntaxTrees.Last();
            CSharpCompilation second = first.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText(Other.Replace("int X;", "int X; public string Y = \"\";"), GeneratorHarness.ParseOptions))
                .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace N; class Added { }", GeneratorHarness.ParseOptions));
            GeneratorRunResult result = driver.RunGenerators(second).GetRunResult().Results.Single();

            AssertReasons(result, ScheduleGenerator.SpecStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            AssertReasons(result, ScheduleGenerator.SourceStep, IncrementalStepRunReason.Cached);
            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void EditingOneScheduleRegeneratesOnlyItsFile()
        {
            CSharpCompilation first = GeneratorHarness.Compilation(Schedules, Other);
            GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(first);
            SyntaxTree schedules = first.SyntaxTrees.First();
            CSharpCompilation second = first.ReplaceSyntaxTree(schedules, CSharpSyntaxTree.ParseText(Schedules.Replace("step 0.8 every 2", "step 0.5 every 2"), GeneratorHarness.ParseOptions));
            GeneratorRunResult result = driver.RunGenerators(second).GetRunResult().Results.Single();

            var sourceOutputs = result.TrackedSteps[ScheduleGenerator.SourceStep].SelectMany(s => s.Outputs).ToArray();
            Assert.Equal(2, sourceOutputs.Length);
            Assert.Single(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
            Assert.Single(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Unchanged || o.Reason == IncrementalStepRunReason.Cached);
            var modified = (GeneratedSource)sourceOutputs.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value;
            Assert.Equal("N.A.g.cs", modified.HintName);
        }

        [Fact]
        public void ThePipelineModelHoldsNoRoslynObjects()
        {
            CSharpCompilation compilation = GeneratorHarness.Compilation(Schedules.Replace("public partial class B;", "public static partial class Outer { [Schedule(\"plateau factor 0.5 patience 1\")] public partial record B; }"), Other);
            GeneratorRunResult result = GeneratorHarness.Driver().RunGenerators(compilation).GetRunResult().Results.Single();
            object[] specs = result.TrackedSteps[ScheduleGenerator.SpecStep].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
            Assert.Equal(3, specs.Length);
            foreach (object spec in specs)
            {
                Assert.IsType<ScheduleTypeSpec>(spec);
                Walk(spec, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        private static void Walk(object? value, HashSet<object> seen)
        {
            if (value == null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            {
                return;
            }

            Type type = value.GetType();
            Assert.False(
                type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true || value is ISymbol || value is SyntaxNode || value is Location || value is Compilation || type.IsArray,
                "The pipeline model holds a " + type.FullName);
            if (value is Type || value is MemberInfo)
            {
                return; // a record's EqualityContract: metadata, not model data
            }

            if (value is System.Collections.IEnumerable items)
            {
                foreach (object? item in items)
                {
                    Walk(item, seen);
                }
            }

            if (type.Namespace?.StartsWith("ScheduleDsl", StringComparison.Ordinal) != true)
            {
                return;
            }

            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0)
                {
                    Walk(property.GetValue(value), seen);
                }
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                if (!field.FieldType.IsArray)
                {
                    Walk(field.GetValue(value), seen);
                }
            }
        }

        private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
        }
    }
}
