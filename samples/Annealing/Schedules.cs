using ScheduleDsl;

// The schedules live in their own file: in a program with top-level statements, an unfinished statement typed just
// above a [Schedule] declaration would swallow its attribute until the statement is finished (docs/generated-code.md).

/// <summary>The tutorial's schedule: <c>lr = 1e-2 · 0.8^⌊epoch/2⌋</c>, the Keras lambda, compiled by the source generator.</summary>
[Schedule("lr 1e-2: step 0.8 every 2")]
internal partial struct TutorialDecay;
