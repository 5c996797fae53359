using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System;
using ScheduleDsl.Training;
using ScheduleDsl;

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

TutorialResults results = Tutorial.Run(new TutorialDecay(), settings, Console.Out);
var plots = new List<string>();
plots.AddRange(Plots.Write(results.Tutorial, directory, "tutorial", "The tutorial (SGD 0.01)"));
plots.AddRange(Plots.Write(results.Schedules, directory, "schedules", "Larger base rate (SGD " + settings.LongBaseRate.ToString(CultureInfo.InvariantCulture) + ", momentum 0.9)"));
Console.WriteLine();
Console.WriteLine("Plots written to " + Path.GetFullPath(directory) + ":");
foreach (string plot in plots)
{
    Console.WriteLine("  " + Path.GetFileName(plot));
}

return 0;
