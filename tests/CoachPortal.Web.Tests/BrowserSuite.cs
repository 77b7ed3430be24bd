namespace CoachPortal.Web.Tests;

/// <summary>Browser tests share one running portal (starting Kestrel and Chromium once).</summary>
[CollectionDefinition(nameof(BrowserSuite))]
public sealed class BrowserSuite : ICollectionFixture<PortalServer>;
