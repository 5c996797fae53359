using ScheduleDsl;

// Declarations in a file of their own, out of the top-level statements (docs/generated-code.md says why).

/// <summary>PyTorch's OneCycleLR(max_lr=0.1, total_steps=200) with cycle_momentum: 10 epochs of 20 batches.</summary>
[Schedule("lr 0.1 per step steps-per-epoch 20: onecycle 0.1 over 10 epochs momentum")]
internal sealed partial class OneCycle;
