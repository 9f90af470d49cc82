package store

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// NoticeOpenError refuses to move a run on from public notice (公示)
// before its window has closed, or when it has no window: the run may
// leave notice from the day after End. It is an ErrConflict.
type NoticeOpenError struct {
	Run   int64
	End   time.Time // the window's last day; zero when the run has none
	Today time.Time
}

func (e *NoticeOpenError) Error() string {
	if e.End.IsZero() {
		return fmt.Sprintf("run %d has no 公示 window: it cannot leave public notice", e.Run)
	}
	return fmt.Sprintf("the 公示 of run %d runs until %s: it may leave public notice from %s on (today is %s)", e.Run,
		e.End.Format(time.DateOnly), e.End.AddDate(0, 0, 1).Format(time.DateOnly), e.Today.Format(time.DateOnly))
}

// Is makes a NoticeOpenError an ErrConflict.
func (e *NoticeOpenError) Is(target error) bool { return target == ErrConflict }

// checkNoticeClosed refuses a move out of notice while run id's window is
// open (or when it has none).
func (t *txn) checkNoticeClosed(id int64) error {
	l, err := scanLifecycle(t.QueryRow(`SELECT `+lifecycleColumns+` FROM run_lifecycle WHERE run_id = $1`, id))
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if !l.HasWindow() || !Day(t.now).After(l.NoticeEnd) {
		return &NoticeOpenError{Run: id, End: l.NoticeEnd, Today: Day(t.now)}
	}
	return nil
}

// ShortWindowError refuses a 公示 window of fewer working days than the
// minimum, with the count. It is an ErrInvalid.
type ShortWindowError struct {
	Start, End  time.Time
	WorkingDays int
	Min         int
}

func (e *ShortWindowError) Error() string {
	return fmt.Sprintf("the 公示 window %s to %s holds %d working days, fewer than %d", e.Start.Format(time.DateOnly),
		e.End.Format(time.DateOnly), e.WorkingDays, e.Min)
}

// Is makes a ShortWindowError an ErrInvalid.
func (e *ShortWindowError) Is(target error) bool { return target == ErrInvalid }

// checkWorkingDays refuses a window of fewer than NoticeWorkingDays
// working days by the office's calendar.
func (t *txn) checkWorkingDays(start, end time.Time) error {
	cal, err := t.calendar()
	if err != nil {
		return err
	}
	if n := cal.WorkingDays(Day(start), Day(end)); n < workflow.NoticeWorkingDays {
		return &ShortWindowError{Start: Day(start), End: Day(end), WorkingDays: n, Min: workflow.NoticeWorkingDays}
	}
	return nil
}

// checkNotShortened refuses to move the start or bring forward the end of
// the window of a run that is past review: once the 公示 has opened, the
// office may lengthen it, not cut it short.
func (t *txn) checkNotShortened(id int64, start, end time.Time) error {
	var state string
	if err := t.QueryRow(`SELECT state FROM runs WHERE id = $1`, id).Scan(&state); err != nil {
		return err
	}
	if state == "draft" || state == "review" {
		return nil
	}
	l, err := scanLifecycle(t.QueryRow(`SELECT `+lifecycleColumns+` FROM run_lifecycle WHERE run_id = $1`, id))
	if err == sql.ErrNoRows || err == nil && !l.HasWindow() {
		return nil
	}
	if err != nil {
		return err
	}
	if !Day(start).Equal(l.NoticeStart) || Day(end).Before(l.NoticeEnd) {
		return refuse(ErrConflict, "store.notice.moved", "公示", id, l.NoticeStart.Format(time.DateOnly), l.NoticeEnd.Format(time.DateOnly))
	}
	return nil
}

// Now is the time by the store's clock (SetClock), the clock of the 公示
// windows' days.
func (db *DB) Now() time.Time { return db.now() }
