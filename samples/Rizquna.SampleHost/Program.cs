using Rizquna.SampleHost;

// The main job: `dotnet run --project samples/Rizquna.SampleHost` (see HostApp for the composition).
HostApp.Build(args).Run();
