using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ScheduleDsl;
using ScheduleDsl.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// A small network trained with TorchSharp, its rate and momentum driven by a [Schedule] one-cycle: PyTorch's OneCycleLR
// with its default cycle_momentum, written once as text and compiled at build time. Halfway it saves everything,
// and a second run resumes from the files exactly.
torch.manual_seed(0);
Tensor x = torch.randn(1000, 3);
Tensor y = (x[.., 0] + x[.., 1] * x[.., 2] > 0).to_type(ScalarType.Int64) + (x[.., 2] > 1).to_type(ScalarType.Int64);

const int epochs = 10;
const int batch = 50;
string folder = Path.Combine(Path.GetTempPath(), "scheduledsl-torchsharp-sample");
Directory.CreateDirectory(folder);
float first = Train(0, epochs / 2, save: true);
float second = Train(epochs / 2, epochs, save: false);
Console.WriteLine("Loss after epoch 5: " + first.ToString("F4", CultureInfo.InvariantCulture) + "; after epoch 10 (resumed from files): " + second.ToString("F4", CultureInfo.InvariantCulture));

float Train(int fromEpoch, int toEpoch, bool save)
{
    torch.manual_seed(1);
    var model = nn.Sequential(nn.Linear(3, 9), nn.ReLU(), nn.Linear(9, 9), nn.ReLU(), nn.Linear(9, 3));
    var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
    ScheduleDriver schedule = optimizer.UseSchedule(new OneCycle());
    if (fromEpoch > 0)
    {
        model.load(Path.Combine(folder, "model.bin"));
        optimizer.load_state_dict(Path.Combine(folder, "optimizer.bin"));
        schedule.Load(Path.Combine(folder, "schedule.json"));
    }

    float loss = float.NaN;
    for (int epoch = fromEpoch; epoch < toEpoch; epoch++)
    {
        for (int start = 0; start < 1000; start += batch)
        {
            optimizer.zero_grad();
            Tensor output = model.forward(x[start..(start + batch)]);
            Tensor batchLoss = nn.functional.cross_entropy(output, y[start..(start + batch)]);
            batchLoss.backward();
            optimizer.step();
            schedule.OnBatchEnd();
            loss = batchLoss.item<float>();
        }

        optim.ILearningRateController group = optimizer.ParamGroups.First();
        Console.WriteLine("epoch " + (epoch + 1) + ": loss " + loss.ToString("F4", CultureInfo.InvariantCulture) + ", next step " + schedule.Time
            + " at rate " + group.LearningRate.ToString("G4", CultureInfo.InvariantCulture) + ", momentum " + ((optim.IMomentum)group).Momentum.ToString("G4", CultureInfo.InvariantCulture));
    }

    if (save)
    {
        model.save(Path.Combine(folder, "model.bin"));
        optimizer.save_state_dict(Path.Combine(folder, "optimizer.bin"));
        schedule.Save(Path.Combine(folder, "schedule.json"));
    }

    return loss;
}
