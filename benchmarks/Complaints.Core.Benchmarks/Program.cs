using BenchmarkDotNet.Running;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release -- --filter '*LifecycleBenchmarks*'</c>, or <c>-- --calendar-memory</c> for the
/// retained memory per business calendar (<see cref="CalendarFleet.Report"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line (or asks which to run).</summary>
    /// <param name="args">BenchmarkDotNet command-line arguments.</param>
    public static void Main(string[] args)
    {
        if (args is ["--calendar-memory"])
        {
            CalendarFleet.Report(Console.WriteLine);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
