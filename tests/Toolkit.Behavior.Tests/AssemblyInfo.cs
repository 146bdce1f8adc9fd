using Xunit;

// Activity and meter listeners are process-global: a test class running in parallel would see another class's spans
// and measurements, and the allocation tests must run with no listener at all.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
