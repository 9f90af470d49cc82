package workflow

import (
	"fmt"
	"time"
)

// DayKind marks a day of the holiday calendar that breaks the weekly
// rhythm: a weekday off (a public holiday) or a weekend day worked instead
// (调休上班).
type DayKind string

// The two kinds of calendar day.
const (
	Holiday DayKind = "holiday"
	Workday DayKind = "workday"
)

// Valid reports whether k is Holiday or Workday.
func (k DayKind) Valid() bool { return k == Holiday || k == Workday }

// CalendarDay is one day of the holiday calendar (节假日安排): the State
// Council publishes each year's days off and the weekend days worked
// instead, and the office keeps them.
type CalendarDay struct {
	Day  time.Time // the day, as UTC midnight
	Kind DayKind
	Name string // 春节, 国庆节调休 …
}

// Calendar tells working days from days off: Monday to Friday work, the
// weekend rests, and the listed days override both.
type Calendar struct {
	days map[string]DayKind
}

// NewCalendar returns the calendar with the listed days.
func NewCalendar(days []CalendarDay) Calendar {
	c := Calendar{days: make(map[string]DayKind, len(days))}
	for _, d := range days {
		c.days[d.Day.Format(time.DateOnly)] = d.Kind
	}
	return c
}

// Working reports whether day is a working day.
func (c Calendar) Working(day time.Time) bool {
	switch c.days[day.Format(time.DateOnly)] {
	case Holiday:
		return false
	case Workday:
		return true
	}
	wd := day.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// NoticeWorkingDays is the default length of a public notice (公示) in
// working days.
const NoticeWorkingDays = 5

// Window returns the first and last day of a window of n working days that
// opens on the first working day on or after start (days as UTC midnight).
func (c Calendar) Window(start time.Time, n int) (first, last time.Time, err error) {
	if n < 1 {
		return first, last, fmt.Errorf("workflow: a window of %d working days", n)
	}
	d := midnight(start)
	for !c.Working(d) {
		d = d.AddDate(0, 0, 1)
	}
	first = d
	for left := n - 1; left > 0; {
		d = d.AddDate(0, 0, 1)
		if c.Working(d) {
			left--
		}
	}
	return first, d, nil
}

// WorkingDays counts the working days from first to last, both included.
func (c Calendar) WorkingDays(first, last time.Time) int {
	n := 0
	for d := midnight(first); !d.After(midnight(last)); d = d.AddDate(0, 0, 1) {
		if c.Working(d) {
			n++
		}
	}
	return n
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
