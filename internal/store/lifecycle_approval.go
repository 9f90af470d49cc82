package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// The approval of a run (issue 12): the approver (分管委领导) moves a run
// out of objection handling with the record of the outside decision that
// lets the notice say "经省政府同意", and may not be who computed or re-ran
// the run (the four-eyes rule, which binds the administrator too).

// The meetings whose decision approves a run.
const (
	MeetingLeadingGroup = "领导小组会议"
	MeetingExecutive    = "省政府常务会议"
)

// Approval is the approval record of a run.
type Approval struct {
	RunID      int64
	Meeting    string    // MeetingLeadingGroup or MeetingExecutive
	MinuteNo   string    // 纪要号 of the meeting's minutes
	Date       string    // the meeting's day, YYYY-MM-DD
	Approver   string    // the approver's display name (her username when she has none)
	Username   string    // the approver's username
	ApprovedAt time.Time // when the approval was recorded
	Note       string
}

// NewApproval is what Approve needs: the meeting, its minutes' number and
// day, and an optional note.
type NewApproval struct {
	Meeting  string
	MinuteNo string
	Date     time.Time
	Note     string
}

// FourEyesError refuses an approval or publication by a user who computed
// the run or one of the runs it re-runs. errors.Is(err, ErrForbidden).
type FourEyesError struct {
	Run  int64
	User string
}

func (e *FourEyesError) Error() string {
	return fmt.Sprintf("four eyes: %s computed or re-ran run %d and may not approve or publish it", e.User, e.Run)
}

// Is makes a FourEyesError an ErrForbidden.
func (e *FourEyesError) Is(target error) bool { return target == ErrForbidden }

// ErrForbidden is a change the actor may not make whatever her role: the
// four-eyes rule.
var ErrForbidden = fmt.Errorf("forbidden")

// Approve moves run id from objection handling to approved and records
// the approval. Refused with ErrInvalid for an incomplete record, a
// *FourEyesError when the actor computed the run or re-ran it, ErrConflict
// when the run is not in objection handling or has unanswered objections.
func (db *DB) Approve(ctx context.Context, actor Actor, id int64, n NewApproval) (r Run, err error) {
	defer wrap(&err, "Approve(%d)", id)
	n.MinuteNo, n.Note = strings.TrimSpace(n.MinuteNo), strings.TrimSpace(n.Note)
	switch {
	case n.Meeting != MeetingLeadingGroup && n.Meeting != MeetingExecutive:
		return r, refuse(ErrInvalid, "store.meeting", n.Meeting, MeetingLeadingGroup, MeetingExecutive)
	case n.MinuteNo == "" || len([]rune(n.MinuteNo)) > 60 || strings.ContainsAny(n.MinuteNo, "\r\n"):
		return r, refuse(ErrInvalid, "store.minutesNumber")
	case n.Date.IsZero():
		return r, refuse(ErrInvalid, "store.meetingDay")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.checkFourEyes(id); err != nil {
			return err
		}
		if Day(n.Date).After(Day(t.now)) {
			return refuse(ErrInvalid, "store.meetingFuture", Day(n.Date).Format(time.DateOnly))
		}
		if r, err = t.transition(id, auth.StateApproved, n.Note); err != nil {
			return err
		}
		name := actor.Username
		var display string
		if err := t.QueryRow(`SELECT display_name FROM users WHERE username = $1`, actor.Username).Scan(&display); err == nil && display != "" {
			name = display
		} else if err != nil && err != sql.ErrNoRows {
			return err
		}
		if _, err := t.Exec(`INSERT INTO run_approvals (run_id, meeting, minute_no, meeting_date, approver, approver_name,
			approved_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, n.Meeting, n.MinuteNo, nullDate(Day(n.Date)),
			actor.Username, name, t.now, n.Note); err != nil {
			return err
		}
		return t.audit("approve", "run", fmt.Sprint(id), map[string]string{"meeting": n.Meeting, "minute_no": n.MinuteNo,
			"date": Day(n.Date).Format(time.DateOnly)})
	})
	return r, err
}

// RunApproval returns the approval of run id, false when it has none (it
// was never approved, or was sent back to draft after approval).
func (db *DB) RunApproval(ctx context.Context, id int64) (a Approval, ok bool, err error) {
	defer wrap(&err, "RunApproval(%d)", id)
	r, err := db.Run(ctx, id)
	if err != nil {
		return a, false, err
	}
	if !r.State.AtLeast(auth.StateApproved) {
		return a, false, nil
	}
	var day time.Time
	err = db.sql.QueryRowContext(ctx, `SELECT run_id, meeting, minute_no, meeting_date, approver_name, approver, approved_at, note
		FROM run_approvals WHERE run_id = $1 ORDER BY id DESC LIMIT 1`, id).Scan(&a.RunID, &a.Meeting, &a.MinuteNo, &day,
		&a.Approver, &a.Username, &a.ApprovedAt, &a.Note)
	if err == sql.ErrNoRows {
		return Approval{}, false, nil
	}
	a.Date, a.ApprovedAt = Day(day).Format(time.DateOnly), a.ApprovedAt.UTC()
	return a, err == nil, err
}

// RunCreators returns who computed run id and every run it re-runs, the
// users the four-eyes rule keeps from approving or publishing it.
func (db *DB) RunCreators(ctx context.Context, id int64) (users []string, err error) {
	defer wrap(&err, "RunCreators(%d)", id)
	for seen := map[int64]bool{}; id != 0 && !seen[id]; {
		seen[id] = true
		var by string
		var parent sql.NullInt64
		if err := db.sql.QueryRowContext(ctx, `SELECT created_by, parent_id FROM runs WHERE id = $1`, id).Scan(&by, &parent); err != nil {
			return nil, err
		}
		users, id = append(users, by), parent.Int64
	}
	return users, nil
}

// checkFourEyes refuses the actor when she computed run id or a run it
// re-runs.
func (t *txn) checkFourEyes(id int64) error {
	for cur, seen := id, map[int64]bool{}; cur != 0 && !seen[cur]; {
		seen[cur] = true
		var by string
		var parent sql.NullInt64
		if err := t.QueryRow(`SELECT created_by, parent_id FROM runs WHERE id = $1`, cur).Scan(&by, &parent); err != nil {
			return err
		}
		if by == t.actor.Username {
			return &FourEyesError{Run: id, User: t.actor.Username}
		}
		cur = parent.Int64
	}
	return nil
}

func init() {
	dumpTables = append(dumpTables, dumpTable{"run_approvals",
		"id, run_id, meeting, minute_no, meeting_date, approver, approver_name, approved_at, note", "iisstssts", "id", true})
}
