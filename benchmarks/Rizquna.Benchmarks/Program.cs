using BenchmarkDotNet.Running;
using Rizquna.Benchmarks.Shared;

// Run one area with: dotnet run -c Release --project benchmarks/Rizquna.Benchmarks -- --filter '*Utm*'
// Paired alternating ratios (for a noisy machine): dotnet run -c Release --project benchmarks/Rizquna.Benchmarks -- paired telegram|waha|all
if (!PairedCommand.TryRun(args))
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
