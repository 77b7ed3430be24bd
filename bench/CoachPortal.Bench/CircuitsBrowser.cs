using System.Globalization;
using Microsoft.Playwright;

namespace CoachPortal.Bench;

/// <summary>
/// The browser side of <c>circuits</c>, run as a child process so that Playwright's own objects stay out of the
/// measured server heap. One headless Chromium, one context per page (signed in once per coach, then the storage state
/// is reused), driven by lines on stdin: <c>open</c>, <c>events</c>, <c>quit</c>; it answers <c>warm</c>,
/// <c>ready</c>, <c>latency</c> on stdout.
/// </summary>
internal static class CircuitsBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Fewer processes and no throttling: headless pages are never painted to a screen, and a throttled timer in a
    /// page would show up as server latency.
    /// </summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--renderer-process-limit=8", "--disable-site-isolation-trials", "--disable-features=Translate,MediaRouter",
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
        "--js-flags=--max-old-space-size=128",
    ];

    // Clicks in the page and resolves with the milliseconds (performance.now) until the DOM shows the answer: the
    // calendar's next or previous week with its planned sessions, or the PMC chart redrawn for a new range.
    private const string EventScript = """
        async (kind) => {
          const dayMs = 86400000;
          const iso = d => d.toISOString().slice(0, 10);
          let button, target, done;
          if (kind === 'next' || kind === 'previous') {
            const from = new Date(document.querySelector('[data-testid=plan-calendar]').dataset.from + 'T00:00:00Z');
            const want = iso(new Date(from.getTime() + (kind === 'next' ? 7 : -7) * dayMs));
            const end = iso(new Date(from.getTime() + (kind === 'next' ? 13 : -1) * dayMs));
            button = document.querySelector(`[data-testid=calendar-${kind}]`);
            target = document.body;
            done = () => {
              const c = document.querySelector('[data-testid=plan-calendar]');
              return c !== null && c.dataset.from === want
                && [...c.querySelectorAll('.planned-item')].some(i => i.dataset.date >= want && i.dataset.date <= end);
            };
          } else {
            button = [...document.querySelectorAll('[aria-label=Range] button')].find(b => b.textContent.trim() === kind);
            target = document.querySelector('[data-chart=pmc]');
            done = () => true;
          }
          return await new Promise((resolve, reject) => {
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (done()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - t0); }
            });
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no answer to ' + kind)); }, 60000);
            observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
            button.click();
          });
        }
        """;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = args[0];
        var screen = args[1];
        var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var batch = int.Parse(args[3], CultureInfo.InvariantCulture);
        var targets = File.ReadAllLines(args[4]).Select(l => l.Split('\t')).Select(p => (Email: p[0], Path: p[1])).ToList();
        var ready = screen switch
        {
            "calendar" => "[data-testid=plan-calendar]",
            "dashboard" => "[data-chart=pmc] svg",
            _ => "#app-ready",
        };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var states = new Dictionary<string, string>();
        foreach (var email in targets.Select(t => t.Email).Distinct())
        {
            states[email] = await SignInAsync(browser, baseUrl, email);
        }

        var pages = new List<IPage> { await OpenAsync(browser, baseUrl, states, targets[0], ready) };
        Console.WriteLine("warm");
        Expect("open");
        foreach (var chunk in targets.Skip(1).Chunk(batch))
        {
            pages.AddRange(await Task.WhenAll(chunk.Select(t => OpenAsync(browser, baseUrl, states, t, ready))));
            await Console.Error.WriteLineAsync($"opened {pages.Count - 1} of {targets.Count - 1}");
        }

        Console.WriteLine(FormattableString.Invariant($"ready {BrowserMegabytes():F0}"));
        if (Console.ReadLine() != "events")
        {
            return 0;
        }

        var kinds = screen == "calendar" ? new[] { "next", "previous" } : ["6 wk", "3 mo"];
        if (screen == "calendar")
        {
            // This week may hold no planned session yet (the plans start today); the rounds go between the next two.
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync<double>(EventScript, "next")));
        }

        var latencies = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var kind = r % 2 == 0 ? kinds[0] : kinds[1];
            latencies.AddRange(await Task.WhenAll(pages.Select(p => p.EvaluateAsync<double>(EventScript, kind))));
            await Console.Error.WriteLineAsync($"round {r + 1} of {rounds}");
        }

        Console.WriteLine("latency " + string.Join(',', latencies.Select(l => l.ToString("F1", CultureInfo.InvariantCulture))));
        Expect("quit");
        return 0;
    }

    private static void Expect(string command)
    {
        var line = Console.ReadLine();
        if (line != command)
        {
            throw new InvalidOperationException($"expected '{command}' on stdin, got '{line}'");
        }
    }

    private static async Task<string> SignInAsync(IBrowser browser, string baseUrl, string email)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(ClubBuilder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string baseUrl, Dictionary<string, string> states, (string Email, string Path) target, string ready)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            StorageState = states[target.Email],
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(180_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(target.Path);
        // Only an interactive render sets the flag: the circuit is connected once it is there.
        await page.Locator("#app-ready[data-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Proportional set size of this process's descendants (Playwright's driver and Chromium), in MiB.</summary>
    private static double BrowserMegabytes()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && TryParent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var self = Environment.ProcessId;
        var total = 0L;
        foreach (var pid in parents.Keys)
        {
            var p = pid;
            while (parents.TryGetValue(p, out var parent) && parent != self && parent > 1)
            {
                p = parent;
            }

            if (parents.TryGetValue(p, out var top) && top == self)
            {
                total += PssKilobytes(pid);
            }
        }

        return total / 1024.0;
    }

    private static int? TryParent(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long PssKilobytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
