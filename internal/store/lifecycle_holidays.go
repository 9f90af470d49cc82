package store

import (
	"context"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// The holiday calendar (节假日安排) of the 公示 windows (issue 12): the
// State Council's published days off and weekend working days, seeded for
// 2021–2024 by migration 0011 and kept by the office for later years.

// Holidays returns the calendar's listed days from first to last (zero
// times: no bound), in day order.
func (db *DB) Holidays(ctx context.Context, first, last time.Time) (days []workflow.CalendarDay, err error) {
	defer wrap(&err, "Holidays")
	return holidays(ctx, db.sql, first, last)
}

func holidays(ctx context.Context, q querier, first, last time.Time) ([]workflow.CalendarDay, error) {
	// Days go in as YYYY-MM-DD text, the form migration 0011 seeds them
	// in: SQLite compares its DATE values as text.
	lo, hi := "1900-01-01", "9999-12-31"
	if !first.IsZero() {
		lo = Day(first).Format(time.DateOnly)
	}
	if !last.IsZero() {
		hi = Day(last).Format(time.DateOnly)
	}
	rows, err := q.QueryContext(ctx, `SELECT day, kind, name FROM holidays WHERE day >= $1 AND day <= $2 ORDER BY day`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var days []workflow.CalendarDay
	for rows.Next() {
		var d workflow.CalendarDay
		if err := rows.Scan(&d.Day, &d.Kind, &d.Name); err != nil {
			return nil, err
		}
		d.Day = Day(d.Day)
		days = append(days, d)
	}
	return days, rows.Err()
}

// Calendar returns the working-day calendar.
func (db *DB) Calendar(ctx context.Context) (c workflow.Calendar, err error) {
	defer wrap(&err, "Calendar")
	days, err := holidays(ctx, db.sql, time.Time{}, time.Time{})
	return workflow.NewCalendar(days), err
}

// calendar is Calendar inside a change.
func (t *txn) calendar() (workflow.Calendar, error) {
	days, err := holidays(t.ctx, t.Tx, time.Time{}, time.Time{})
	return workflow.NewCalendar(days), err
}

// PutHoliday adds a day to the calendar or changes it.
func (db *DB) PutHoliday(ctx context.Context, actor Actor, d workflow.CalendarDay) (err error) {
	defer wrap(&err, "PutHoliday(%s)", d.Day.Format(time.DateOnly))
	d.Name = strings.TrimSpace(d.Name)
	if d.Day.IsZero() || !d.Kind.Valid() {
		return refuse(ErrInvalid, "store.calendarDay")
	}
	if len([]rune(d.Name)) > 40 {
		return refuse(ErrInvalid, "store.holidayName")
	}
	return db.change(ctx, actor, func(t *txn) error {
		if _, err := t.Exec(`INSERT INTO holidays (day, kind, name, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at,
			updated_by = excluded.updated_by`, Day(d.Day).Format(time.DateOnly), string(d.Kind), d.Name, t.now, t.actor.Username); err != nil {
			return err
		}
		return t.audit("update", "holiday", Day(d.Day).Format(time.DateOnly), map[string]string{"kind": string(d.Kind), "name": d.Name})
	})
}

// DeleteHoliday removes a day from the calendar (it becomes an ordinary
// weekday or weekend day); ErrNotFound when it is not listed.
func (db *DB) DeleteHoliday(ctx context.Context, actor Actor, day time.Time) (err error) {
	defer wrap(&err, "DeleteHoliday(%s)", day.Format(time.DateOnly))
	return db.change(ctx, actor, func(t *txn) error {
		res, err := t.Exec(`DELETE FROM holidays WHERE day = $1`, Day(day).Format(time.DateOnly))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return refuse(ErrNotFound, "store.calendar.notFound", Day(day).Format(time.DateOnly))
		}
		return t.audit("delete", "holiday", Day(day).Format(time.DateOnly), nil)
	})
}

// seededCalendar is the table migration 0011 fills: a restore replaces its
// rows by the backup's rather than asking for it empty.
const seededCalendar = "holidays"

func init() {
	dumpTables = append(dumpTables, dumpTable{seededCalendar, "day, kind, name, updated_at, updated_by", "tssts", "day", false})
}
