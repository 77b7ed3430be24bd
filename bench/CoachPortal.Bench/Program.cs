// Benchmarks print figures; they are not tests. Usage:
//   dotnet run -c Release --project bench/CoachPortal.Bench -- fit FILE...
//   dotnet run -c Release --project bench/CoachPortal.Bench -- pmc
//   dotnet run -c Release --project bench/CoachPortal.Bench -- curves [iterations]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- fuzz [--timestamps] [--minutes N] [--seed S] FILE|DIR...
//   dotnet run -c Release --project bench/CoachPortal.Bench -- forecast --pmdata DIR [--seeds N]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- simulator --pmdata DIR
//   dotnet run -c Release --project bench/CoachPortal.Bench -- zipbomb [concurrent] [gigabytes]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- crash [--kills N] [--recover-every N] [--uploads N] [--seed S]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- club [--teams T] [--athletes A] [--years Y]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- circuits [--count N] [--teams T] [--athletes A] [--screen calendar|dashboard] [--rounds R] [--batch B] [--hold SECONDS]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- image-cnn [--frames N] [--size PIXELS] [--epochs N] [--device auto|cpu|cuda] [--threads N]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- history-import [megabytes] [corpus folder]
//   dotnet run -c Release --project bench/CoachPortal.Bench -- pose-fps [--gl swiftshader|disabled|default] [--frames N] [--runs MODEL:INPUT,...]
using CoachPortal.Bench;

return args.FirstOrDefault() switch
{
    "fit" => FitBenchmark.Run(args[1..]),
    "fuzz" => FuzzCommand.Run(args[1..]),
    "pmc" => PmcBenchmark.Run(args[1..]),
    "curves" => CurveBenchmark.Run(args[1..]),
    "forecast" => ForecastCommand.Run(args[1..]),
    "simulator" => SimulatorCommand.Run(args[1..]),
    "zipbomb" => ZipBombBenchmark.Run(args[1..]),
    "crash" => CrashCommand.Run(args[1..]),
    "club" => ClubCommand.Run(args[1..]),
    "circuits" => CircuitsCommand.Run(args[1..]),
    "circuits-browser" => CircuitsBrowser.Run(args[1..]),
    "image-cnn" => ImageCnnCommand.Run(args[1..]),
    "history-import" => HistoryImportBenchmark.Run(args[1..]),
    "pose-fps" => PoseFpsCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CoachPortal.Bench fit FILE... | pmc | curves | fuzz ... | forecast --pmdata DIR | simulator --pmdata DIR | zipbomb [concurrent] [gigabytes] | crash [--kills N] | club [--teams T] [--athletes A] [--years Y] | circuits [--count N] [--screen calendar|dashboard] | image-cnn [--frames N] [--size PIXELS] [--epochs N] | history-import [megabytes] | pose-fps [--gl swiftshader|disabled|default] [--frames N]");
    return 2;
}
