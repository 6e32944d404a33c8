// The Toolkit keeps CmdPal's host in a static (ExtensionHost.Host), as one extension process has one host:
// tests that each play CmdPal must therefore not run at the same time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
