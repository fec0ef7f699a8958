using BenchmarkDotNet.Running;

namespace Complaints.Core.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*LifecycleBenchmarks*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line (or asks which to run).</summary>
    /// <param name="args">BenchmarkDotNet command-line arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
