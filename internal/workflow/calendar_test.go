package workflow

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// calendar2023 is the part of the State Council's 2023 calendar (国办发明电
// 〔2022〕16号) the cases need: 中秋节、国庆节 9-29 to 10-06 off, Saturday
// 10-07 and Sunday 10-08 worked; 劳动节 04-29 to 05-03 off, Sunday 04-23
// and Saturday 05-06 worked.
func calendar2023() Calendar {
	var days []CalendarDay
	for d := day("2023-09-29"); !d.After(day("2023-10-06")); d = d.AddDate(0, 0, 1) {
		days = append(days, CalendarDay{Day: d, Kind: Holiday})
	}
	for d := day("2023-04-29"); !d.After(day("2023-05-03")); d = d.AddDate(0, 0, 1) {
		days = append(days, CalendarDay{Day: d, Kind: Holiday})
	}
	for _, s := range []string{"2023-10-07", "2023-10-08", "2023-04-23", "2023-05-06"} {
		days = append(days, CalendarDay{Day: day(s), Kind: Workday})
	}
	return NewCalendar(days)
}

func TestCalendarWindow(t *testing.T) {
	c := calendar2023()
	cases := []struct {
		name        string
		start       string
		n           int
		first, last string
		working     int // WorkingDays(first, last), = n
	}{
		// Mon 2023-11-06 … Fri 11-10: five ordinary weekdays.
		{"plain week", "2023-11-06", 5, "2023-11-06", "2023-11-10", 5},
		// Thu 11-09, Fri 11-10, (weekend), Mon 11-13, Tue 11-14, Wed 11-15.
		{"over a weekend", "2023-11-09", 5, "2023-11-09", "2023-11-15", 5},
		// Sat 11-11 rests: the window opens Mon 11-13 and ends Fri 11-17.
		{"opens on a weekend", "2023-11-11", 5, "2023-11-13", "2023-11-17", 5},
		// Wed 09-27, Thu 09-28, (09-29 … 10-06 off), Sat 10-07 and
		// Sun 10-08 worked (调休), Mon 10-09: five working days.
		{"national day", "2023-09-27", 5, "2023-09-27", "2023-10-09", 5},
		// Opening on 10-01 (off) waits for Sat 10-07; then 10-08, 10-09,
		// 10-10, 10-11.
		{"opens in the holiday", "2023-10-01", 5, "2023-10-07", "2023-10-11", 5},
		// Thu 04-27, Fri 04-28, (04-29 … 05-03 off), Thu 05-04, Fri 05-05,
		// Sat 05-06 worked.
		{"labour day", "2023-04-27", 5, "2023-04-27", "2023-05-06", 5},
		{"one day", "2023-11-10", 1, "2023-11-10", "2023-11-10", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			first, last, err := c.Window(day(tc.start), tc.n)
			if err != nil {
				t.Fatal(err)
			}
			if got := first.Format(time.DateOnly) + " " + last.Format(time.DateOnly); got != tc.first+" "+tc.last {
				t.Errorf("window = %s, want %s %s", got, tc.first, tc.last)
			}
			if got := c.WorkingDays(first, last); got != tc.working {
				t.Errorf("WorkingDays = %d, want %d", got, tc.working)
			}
		})
	}
	if _, _, err := c.Window(day("2023-11-06"), 0); err == nil {
		t.Error("a window of 0 days was accepted")
	}
}

func TestCalendarWorking(t *testing.T) {
	c := calendar2023()
	for s, want := range map[string]bool{
		"2023-10-02": false, // Monday, 国庆节
		"2023-10-07": true,  // Saturday, 调休上班
		"2023-10-14": false, // an ordinary Saturday
		"2023-10-16": true,  // an ordinary Monday
	} {
		if got := c.Working(day(s)); got != want {
			t.Errorf("Working(%s) = %v, want %v", s, got, want)
		}
	}
}
