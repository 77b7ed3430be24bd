using CoachPortal.Core;
using CoachPortal.Worker;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddRootConfiguration();
builder.AddCoachPortalWorker();
await builder.Build().RunAsync();
