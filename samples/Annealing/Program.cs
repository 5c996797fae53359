using System;
using System.Globalization;
using ScheduleDsl.Training;
using ScheduleDsl;
using ScheduleDsl.Cli.Reports;

// The tutorial on learning-rate annealing, in .NET: its Keras experiment (a 3→9→9→9→3 network, SGD, batch 50,
// 10 epochs) without and with lr = 1e-2 · 0.8^⌊epoch/2⌋ — declared with [Schedule] in Schedules.cs and compiled at build time —
// over several seeds, then a comparison where the base rate is large enough for schedules to matter.
//
//   dotnet run --project samples/Annealing [-- --out DIR] [--seeds N]

string directory = "annealing-output";
var settings = new TutorialSettings();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            directory = args[++i];
            break;
        case "--seeds" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int seeds) && seeds >= 2:
            settings = settings with { Seeds = seeds };
            i++;
            break;
        default:
            Console.Error.WriteLine("error: unknown argument '" + args[i] + "'. Usage: dotnet run --project samples/Annealing [-- --out DIR] [--seeds N (at least 2)]");
            return 2;
    }
}

TutorialExperiment.Run(new TutorialDecay(), directory, settings, Console.Out);
return 0;
