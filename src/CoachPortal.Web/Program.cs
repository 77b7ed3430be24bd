using CoachPortal.Core;
using CoachPortal.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootConfiguration();
builder.AddCoachPortalCore();
builder.AddCoachPortalWeb();

var app = builder.Build();
await app.InitializeCoachPortalAsync();
app.UseCoachPortalWeb();
await app.RunAsync();

/// <summary>Entry point, visible to the browser tests' host factory.</summary>
public partial class Program;
