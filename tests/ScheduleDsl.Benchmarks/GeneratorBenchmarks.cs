using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScheduleDsl.Generators;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>The generator from scratch on a project with 1,000 [Schedule] types (a fresh driver each time: nothing cached).</summary>
    [MemoryDiagnoser]
    [SimpleJob(warmupCount: 2, iterationCount: 8)]
    public class GeneratorBenchmarks
    {
        private CSharpCompilation _compilation = null!;

        [GlobalSetup]
        public void Setup()
        {
            string[] texts =
            {
                "lr 1e-2: step 0.8 every 2",
                "lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5",
                "lr 0.006 per step: cyclic triangular2 0.001 to 0.006 up 2000",
                "lr 0.05: restarts 10 mult 2 decay 0.5 to 1e-4",
                "lr 0.1: warmup linear 3 from 0.01 -> plateau factor 0.5 patience 2 cooldown 1 floor 1e-5",
            };
            var trees = Enumerable.Range(0, 10).Select(file =>
            {
                var source = new StringBuilder("using ScheduleDsl;\nnamespace Many;\n");
                for (int i = 0; i < 100; i++)
                {
                    int n = file * 100 + i;
                    source.Append("[Schedule(\"").Append(texts[n % texts.Length]).Append("\")] public partial struct S").Append(n).Append(";\n");
                }

                return CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest));
            });
            _compilation = CSharpCompilation.Create(
                "Many",
                trees,
                Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(ILearningRateSchedule).Assembly.Location)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            _ = _compilation.GetDiagnostics();
        }

        [Benchmark]
        public int Generate1000Schedules()
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new ScheduleGenerator()).RunGenerators(_compilation);
            return driver.GetRunResult().GeneratedTrees.Length;
        }
    }
}
