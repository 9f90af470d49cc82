package invest

import (
	"fmt"
	"time"
)

// Day is a calendar day as the number yyyymmdd (20240615); 0 is no day.
// Days compare as numbers.
type Day int32

// Month is a calendar month as the number yyyymm (202406); 0 is no month.
type Month int32

// ParseDay reads a day written strictly as YYYY-MM-DD.
func ParseDay(s string) (Day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return Day(y*10000 + m*100 + d), true
}

// ParseMonth reads a month written strictly as YYYY-MM.
func ParseMonth(s string) (Month, bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	if !ok1 || !ok2 || y < 1000 || m < 1 || m > 12 {
		return 0, false
	}
	return Month(y*100 + m), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DayOf returns t's day.
func DayOf(t time.Time) Day { return Day(t.Year()*10000 + int(t.Month())*100 + t.Day()) }

// Time returns d as midnight UTC; the zero time for no day.
func (d Day) Time() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Date(int(d)/10000, time.Month(int(d)/100%100), int(d)%100, 0, 0, 0, 0, time.UTC)
}

// Year returns d's year.
func (d Day) Year() int { return int(d) / 10000 }

// Month returns the month d falls in.
func (d Day) Month() Month { return Month(d / 100) }

func (d Day) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", int(d)/10000, int(d)/100%100, int(d)%100)
}

// Year returns m's year.
func (m Month) Year() int { return int(m) / 100 }

// First returns the first day of m.
func (m Month) First() Day { return Day(int(m)*100 + 1) }

// Last returns the last day of m.
func (m Month) Last() Day { return Day(int(m)*100 + daysIn(int(m)/100, int(m)%100)) }

// AddMonths returns the month n months later (earlier for n < 0).
func (m Month) AddMonths(n int) Month {
	t := int(m)/100*12 + int(m)%100 - 1 + n
	return Month(t/12*100 + t%12 + 1)
}

// AddYears returns the same month n years later (earlier for n < 0).
func (m Month) AddYears(n int) Month { return m + Month(100*n) }

func (m Month) String() string {
	if m == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", int(m)/100, int(m)%100)
}

// MonthsBefore returns the day n calendar months before d, with the day of
// the month clamped to the end of a shorter month (31 August minus 6 months
// is 29 February in a leap year), so that "more than 6 months before the
// last day of June" means signed before 30 December.
func (d Day) MonthsBefore(n int) Day {
	y, m, dd := int(d)/10000, int(d)/100%100, int(d)%100
	total := y*12 + (m - 1) - n
	y, m = total/12, total%12+1
	dd = min(dd, daysIn(y, m))
	return Day(y*10000 + m*100 + dd)
}
