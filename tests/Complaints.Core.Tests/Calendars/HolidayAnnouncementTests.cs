using Complaints.Core.Calendars;
using NodaTime;
using NodaTime.Calendars;

namespace Complaints.Core.Tests.Calendars;

public sealed class HolidayAnnouncementTests
{
    private const int Ramadan = 9;
    private const int Shawwal = 10;
    private const int DhuAlHijjah = 12;

    // The Eid al-Adha holiday as Saudi Arabia keeps it: four days from the Day of Arafah, 9 Dhu al-Hijjah.
    private static readonly CalendarSystemHoliday EidAlAdha = new("Eid al-Adha", CalendarSystem.UmAlQura, DhuAlHijjah, 9, days: 4, isEstimate: true);

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    /// <summary>A Riyadh calendar, Sunday to Thursday, so Friday and Saturday are the weekend.</summary>
    private static BusinessCalendarBuilder Riyadh(int firstYear, int lastYear, params HolidayRule[] rules) =>
        BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWorkingHours([IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday], new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(rules)
            .Covering(firstYear, lastYear);

    private static LocalDate[] HolidaysIn(BusinessCalendar calendar, LocalDate from, LocalDate to)
    {
        var days = new List<LocalDate>();
        for (var d = from; d <= to; d = d.PlusDays(1))
        {
            if (calendar.IsHoliday(d))
            {
                days.Add(d);
            }
        }

        return days.ToArray();
    }

    private static LocalDate[] Span(LocalDate first, int days) => Enumerable.Range(0, days).Select(first.PlusDays).ToArray();

    [Fact]
    public void Build_SaudiEidAlAdha1427_AnnouncedADayEarly_MovesTheWholeSpanAndKeepsJanuaryOccurrence()
    {
        // In 2006 the Day of Arafah fell twice: 9 January (1426) and 29 December (1427). Umm al-Qura put 9 Dhu al-Hijjah 1427
        // on Saturday 30 December, but the Supreme Judicial Council started the month a day early after a reported sighting:
        // Arafah on Friday 29 December 2006, Eid al-Adha on the 30th (Saudi embassy, "Supreme Judicial Council announces
        // Hajj 1427 dates", saudiembassy.net 2006; qppstudio.net news item of 25 December 2006: "instead of the expected 31").
        Assert.Equal([.. Span(D(2006, 1, 9), 4), .. Span(D(2006, 12, 30), 2)], EidAlAdha.DatesIn(2006));

        var calendar = Riyadh(2005, 2007, EidAlAdha).AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1427, D(2006, 12, 29))).Build();

        Assert.Equal([.. Span(D(2006, 1, 9), 4), .. Span(D(2006, 12, 29), 4)], HolidaysIn(calendar, D(2006, 1, 1), D(2007, 1, 31)));
        Assert.False(calendar.IsHoliday(D(2007, 1, 2))); // the computed last day is a working day again
    }

    [Fact]
    public void Build_TwiceInAYear_TheCalendarYearPicksTheJanuaryOccurrence()
    {
        var calendar = Riyadh(2005, 2007, EidAlAdha).AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1426, D(2006, 1, 10))).Build();

        Assert.Equal([.. Span(D(2006, 1, 10), 4), .. Span(D(2006, 12, 30), 4)], HolidaysIn(calendar, D(2006, 1, 1), D(2007, 1, 31)));
    }

    [Fact]
    public void Build_AnnouncementIntoTheNextYear_MovesDaysAcrossTheYearEnd()
    {
        // A made-up three-day shift of the 1427 occurrence: 2 to 5 January 2007, out of 2006 altogether.
        var calendar = Riyadh(2005, 2007, EidAlAdha).AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1427, D(2007, 1, 2))).Build();

        Assert.Equal([.. Span(D(2006, 1, 9), 4), .. Span(D(2007, 1, 2), 4)], HolidaysIn(calendar, D(2006, 1, 1), D(2007, 1, 31)));
    }

    [Fact]
    public void Build_AnnouncedDayOnTheWeekend_IsSubstitutedLikeAComputedOne()
    {
        // Umm al-Qura gives 1 Shawwal 1446 as Sunday 30 March 2025; announced on Saturday 29 March it moves to Sunday.
        var eid = new CalendarSystemHoliday("Eid al-Fitr", CalendarSystem.UmAlQura, Shawwal, 1, isEstimate: true, substitution: HolidaySubstitution.NextWorkingDay);
        Assert.Equal([D(2025, 3, 30)], eid.DatesIn(2025));

        var calendar = Riyadh(2025, 2025, eid).AnnounceHoliday(new HolidayAnnouncement("Eid al-Fitr", 1446, D(2025, 3, 29))).Build();

        Assert.Equal([D(2025, 3, 30)], HolidaysIn(calendar, D(2025, 3, 1), D(2025, 4, 30)));
        calendar = Riyadh(2025, 2025, eid).AnnounceHoliday(new HolidayAnnouncement("Eid al-Fitr", 1446, D(2025, 3, 28))).Build();
        Assert.Equal([D(2025, 3, 30)], HolidaysIn(calendar, D(2025, 3, 1), D(2025, 4, 30))); // Friday 28 March moves to Sunday too
    }

    [Fact]
    public void Build_ProviderAnnouncements_AreAskedPerYearAndOutsideTheYearIgnored()
    {
        var provider = new Announcements(y => y == 2024
            ? [new("Eid al-Adha", 1445, D(2024, 6, 14)), new("Eid al-Adha", 1446, D(2025, 6, 3))] // the 2025 one is not 2024's
            : []);
        var calendar = Riyadh(2024, 2025, EidAlAdha).AddHolidayAnnouncementProvider(provider).Build();

        Assert.Equal([2024, 2025], provider.Asked);
        Assert.Equal(Span(D(2024, 6, 14), 4), HolidaysIn(calendar, D(2024, 6, 1), D(2024, 6, 30))); // Umm al-Qura: 15 June
        Assert.Equal(Span(D(2025, 6, 5), 4), HolidaysIn(calendar, D(2025, 5, 25), D(2025, 6, 30))); // Umm al-Qura's 1446 date stands
    }

    [Fact]
    public void Build_AnnouncementOfARuleThatIsNotAnEstimate_IsRefused()
    {
        var fixedEid = new CalendarSystemHoliday("Eid al-Adha", CalendarSystem.UmAlQura, DhuAlHijjah, 9, days: 4);
        var builder = Riyadh(2024, 2025, fixedEid).AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1445, D(2024, 6, 15)));

        var ex = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Equal("announcements", ex.ParamName);
        Assert.Contains("Eid al-Adha 1445 from 2024-06-15", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no estimated holiday rule", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AnnouncementOfAnUnknownName_IsRefused()
    {
        var builder = Riyadh(2024, 2025, EidAlAdha).AnnounceHoliday(new HolidayAnnouncement("Eid al-adha", 1445, D(2024, 6, 15)));

        var ex = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Contains("Eid al-adha 1445", ex.Message, StringComparison.Ordinal); // names match exactly
    }

    [Theory]
    [InlineData(1445, 2024, 6, 11, "more than 3 days from 2024-06-15")] // four days early
    [InlineData(1445, 2024, 6, 19, "more than 3 days from 2024-06-15")] // four days late
    [InlineData(1446, 2024, 6, 15, "more than 3 days from 2025-06-05")] // the wrong Hijri year
    public void Build_AnnouncementTooFarFromTheEstimate_IsRefused(int hijriYear, int y, int m, int d, string expected)
    {
        var builder = Riyadh(2024, 2025, EidAlAdha).AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", hijriYear, D(y, m, d)));

        var ex = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Equal("announcements", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"Eid al-Adha {hijriYear} from {y:0000}-{m:00}-{d:00}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AnnouncementOfAYearWithoutTheDate_IsRefused()
    {
        // Umm al-Qura's Ramadan 1446 had 29 days, so there was no 30 Ramadan 1446.
        var rule = new CalendarSystemHoliday("Last night of Ramadan", CalendarSystem.UmAlQura, Ramadan, 30, isEstimate: true);
        var builder = Riyadh(2025, 2025, rule).AnnounceHoliday(new HolidayAnnouncement("Last night of Ramadan", 1446, D(2025, 3, 29)));

        var ex = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Contains("has no date", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnounceHoliday_SameOccurrenceTwice_IsRefused()
    {
        var builder = Riyadh(2024, 2025, EidAlAdha).AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1445, D(2024, 6, 15)));

        var ex = Assert.Throws<ArgumentException>(() => builder.AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1445, D(2024, 6, 14))));

        Assert.Equal("announcement", ex.ParamName);
        Assert.Contains("Eid al-Adha 1445 from 2024-06-14", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProviderRepeatingAnAnnouncedOccurrence_IsRefused()
    {
        var builder = Riyadh(2024, 2025, EidAlAdha)
            .AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1445, D(2024, 6, 15)))
            .AddHolidayAnnouncementProvider(new Announcements(y => [new("Eid al-Adha", 1445, D(2024, 6, 15))]));

        var ex = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Equal("announcements", ex.ParamName);
        Assert.Contains("already announced", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnounceHoliday_OutsideTheCoveredYears_IsRefused_AndCoveringLaterChecksIt()
    {
        var builder = Riyadh(2024, 2025, EidAlAdha);

        var ex = Assert.Throws<ArgumentException>(() => builder.AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1447, D(2026, 5, 26))));
        Assert.Equal("announcement", ex.ParamName);
        Assert.Contains("Eid al-Adha 1447 from 2026-05-26", ex.Message, StringComparison.Ordinal);

        builder.AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1446, D(2025, 6, 5)));
        ex = Assert.Throws<ArgumentException>(() => builder.Covering(2020, 2024));
        Assert.Equal("lastYear", ex.ParamName);
        Assert.Contains("Eid al-Adha 1446", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnounceHoliday_NullOrAfterBuild_Throws()
    {
        var builder = Riyadh(2024, 2025, EidAlAdha);
        Assert.Throws<ArgumentNullException>(() => builder.AnnounceHoliday(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddHolidayAnnouncementProvider(null!));

        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1445, D(2024, 6, 15))));
        Assert.Throws<InvalidOperationException>(() => builder.AddHolidayAnnouncementProvider(new Announcements(_ => [])));
    }

    [Fact]
    public void Constructor_InvalidFields_ThrowNamingTheField()
    {
        Assert.Equal("holidayName", Assert.Throws<ArgumentNullException>(() => new HolidayAnnouncement(null!, 1445, D(2024, 6, 15))).ParamName);
        Assert.Equal("holidayName", Assert.Throws<ArgumentException>(() => new HolidayAnnouncement(" ", 1445, D(2024, 6, 15))).ParamName);
        Assert.Equal("holidayName", Assert.Throws<ArgumentException>(() => new HolidayAnnouncement(string.Empty, 1445, D(2024, 6, 15))).ParamName);
        Assert.Equal("calendarYear", Assert.Throws<ArgumentOutOfRangeException>(() => new HolidayAnnouncement("Eid", 0, D(2024, 6, 15))).ParamName);
        Assert.Equal("calendarYear", Assert.Throws<ArgumentOutOfRangeException>(() => new HolidayAnnouncement("Eid", 10000, D(2024, 6, 15))).ParamName);

        var hijri = D(2024, 6, 15).WithCalendar(CalendarSystem.UmAlQura);
        var ex = Assert.Throws<ArgumentException>(() => new HolidayAnnouncement("Eid", 1445, hijri));
        Assert.Equal("firstDay", ex.ParamName);
    }

    [Fact]
    public void Record_EqualityAndText()
    {
        var a = new HolidayAnnouncement("Eid al-Fitr", 1444, D(2023, 4, 21));

        Assert.Equal(new HolidayAnnouncement("Eid al-Fitr", 1444, D(2023, 4, 21)), a);
        Assert.NotEqual(new HolidayAnnouncement("Eid al-Fitr", 1445, D(2023, 4, 21)), a);
        Assert.Equal("Eid al-Fitr 1444 from 2023-04-21", a.ToString());
    }

    [Fact]
    public void Build_TabularRuleAnnouncedByHijriYear_Works()
    {
        // The same mechanism for a tabular Islamic calendar: 1 Shawwal 1446 is Monday 31 March 2025 there; announced Sunday 30th.
        var tabular = CalendarSystem.GetIslamicCalendar(IslamicLeapYearPattern.Base16, IslamicEpoch.Civil);
        var eid = new CalendarSystemHoliday("Eid al-Fitr", tabular, Shawwal, 1, days: 2, isEstimate: true);
        Assert.Equal([D(2025, 3, 31), D(2025, 4, 1)], eid.DatesIn(2025));

        var calendar = Riyadh(2025, 2025, eid).AnnounceHoliday(new HolidayAnnouncement("Eid al-Fitr", 1446, D(2025, 3, 30))).Build();

        Assert.Equal([D(2025, 3, 30), D(2025, 3, 31)], HolidaysIn(calendar, D(2025, 3, 1), D(2025, 4, 30)));
    }

    internal sealed class Announcements(Func<int, HolidayAnnouncement[]> byYear) : IHolidayAnnouncementProvider
    {
        public List<int> Asked { get; } = [];

        public IEnumerable<HolidayAnnouncement> GetAnnouncements(int year)
        {
            Asked.Add(year);
            return byYear(year);
        }
    }
}
