using Xunit;

// Each test builds or runs whole applications; two at once on a small machine only make both slower.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
