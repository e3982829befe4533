using BenchmarkDotNet.Running;

// Run one area with: dotnet run -c Release --project benchmarks/Rizquna.Benchmarks -- --filter '*Utm*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
