using FacadeGenerator;

// tools/FacadeGenerator: compile-only facades of a host's assemblies, generated from the host's own sources.
//   extract <facades.json> --source <name>=<git dir or folder>...   read the sources at the manifest's commits; write each
//                                                                   assembly's api.txt (the listing) and its stubs
//   emit <facades.json>                                             write the stubs from the checked-in listings
//   check <facades.json>                                            exit 1 when a checked-in stub differs from what emit writes
//   check-references <facades.json> <built.dll>                     exit 1 when the DLL references what the listings lack
try
{
    return Commands.Run(args, Console.Out);
}
catch (GeneratorException problem)
{
    Console.Error.WriteLine("FacadeGenerator: " + problem.Message);
    return 1;
}
