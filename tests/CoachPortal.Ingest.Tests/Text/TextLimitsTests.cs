using CoachPortal.Ingest.Text;

namespace CoachPortal.Ingest.Tests.Text;

public sealed class TextLimitsTests
{
    [Theory]
    [InlineData("", 5, "")]
    [InlineData("short", 5, "short")]
    [InlineData("longer text", 6, "longer")]
    [InlineData("abc", 0, "")]
    public void TextIsCutToTheLimitAndShorterTextIsKept(string value, int max, string expected) =>
        Assert.Equal(expected, value.Truncate(max));

    [Fact]
    public void ShortTextIsReturnedAsTheSameInstance()
    {
        const string value = "kept";
        Assert.Same(value, value.Truncate(10));
    }

    [Fact]
    public void NullStaysNull() => Assert.Null(((string?)null).Truncate(3));

    [Fact]
    public void ACutNeverSplitsASurrogatePair()
    {
        var value = "ab\U0001F3C3cd"; // a runner emoji: two UTF-16 units at 2 and 3

        Assert.Equal("ab", value.Truncate(3));
        Assert.Equal("ab\U0001F3C3", value.Truncate(4));
    }

    [Fact]
    public void ANegativeLimitIsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => "x".Truncate(-1));

    [Fact]
    public void EveryCutIsAPrefixNoLongerThanTheLimit()
    {
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0x20, 0xFFFF))]);
            var max = random.Next(0, 45);

            var cut = value.Truncate(max);

            Assert.True(cut.Length <= max);
            Assert.StartsWith(cut, value, StringComparison.Ordinal);
            Assert.True(cut.Length == Math.Min(value.Length, max) || cut.Length == max - 1);
        }
    }
}
