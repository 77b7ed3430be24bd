// Hangfire keeps its job storage and log provider in process-wide statics, which each test host overwrites when it
// starts; hosts running side by side would enqueue into each other's storage. Test classes therefore run one after
// another, each with its own host.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
