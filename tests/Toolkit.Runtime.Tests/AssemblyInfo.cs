// The hash key is process-wide state; tests that set it must not overlap.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
