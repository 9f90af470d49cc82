package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// Task is a collection task (采集任务): the figures of one indicator for one
// period, due from its providing department by a deadline day.
type Task struct {
	ID         int64
	Period     string
	Indicator  string
	Department string
	Deadline   time.Time // a day (UTC midnight); due by its end in China time
	MethodID   int64     // the method whose catalogue the task came from; 0 when none
	CreatedAt  time.Time
	CreatedBy  string
}

const taskColumns = `id, period_code, indicator_code, department, deadline, method_id, created_at, created_by`

func scanTask(s scanner) (Task, error) {
	var t Task
	var m sql.NullInt64
	err := s.Scan(&t.ID, &t.Period, &t.Indicator, &t.Department, &t.Deadline, &m, &t.CreatedAt, &t.CreatedBy)
	t.Deadline, t.CreatedAt, t.MethodID = t.Deadline.UTC(), t.CreatedAt.UTC(), m.Int64
	return t, err
}

// PutTasks creates the tasks of period for indicators, each owned by its
// catalogue department, due on deadline; a task that exists gets the new
// deadline (and method). One audit row per task. The period is added when
// new, as imports do.
func (db *DB) PutTasks(ctx context.Context, actor Actor, period string, deadline time.Time, methodID int64, indicators []string) (ts []Task, err error) {
	defer wrap(&err, "PutTasks(%s)", period)
	p, err := ParsePeriod(period)
	if err != nil {
		return nil, err
	}
	if len(indicators) == 0 || deadline.IsZero() {
		return nil, refuse(ErrInvalid, "store.taskFields")
	}
	day := nullDate(deadline)
	var method any
	if methodID > 0 {
		method = methodID
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.ensurePeriods(map[string]string{p.Code: ""}); err != nil {
			return err
		}
		for _, code := range indicators {
			var dept string
			switch err := t.QueryRow(`SELECT department FROM indicators WHERE code = $1`, code).Scan(&dept); {
			case errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("%w: %w", refuse(ErrInvalid, "store.collection.indicator", code), err)
			case err != nil:
				return fmt.Errorf("%w: indicator %s: %w", ErrInvalid, code, err)
			}
			if strings.TrimSpace(dept) == "" {
				return refuse(ErrInvalid, "store.noDepartment", code)
			}
			task, err := scanTask(t.QueryRow(`INSERT INTO collection_tasks (period_code, indicator_code, department, deadline, method_id, created_at, created_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7)
				ON CONFLICT (period_code, indicator_code) DO UPDATE SET deadline = $4, method_id = $5, department = $3
				RETURNING `+taskColumns, p.Code, code, dept, day, method, t.now, t.actor.Username))
			if err != nil {
				return err
			}
			if err := t.audit("put", "collection_task", fmt.Sprint(task.ID), map[string]any{"period": task.Period,
				"indicator": code, "department": dept, "deadline": task.Deadline.Format(time.DateOnly)}); err != nil {
				return err
			}
			ts = append(ts, task)
		}
		return nil
	})
	return ts, err
}

// TaskFilter selects tasks; zero fields select all.
type TaskFilter struct {
	Period     string
	Department string
}

// Tasks returns the tasks f selects, by period, department and indicator.
func (db *DB) Tasks(ctx context.Context, f TaskFilter) (ts []Task, err error) {
	defer wrap(&err, "Tasks")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+taskColumns+` FROM collection_tasks
		WHERE ($1 = '' OR period_code = $1) AND ($2 = '' OR department = $2)
		ORDER BY period_code, department, indicator_code`, f.Period, f.Department)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTask(rows)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, rows.Err()
}

// Task returns the task with id.
func (db *DB) Task(ctx context.Context, id int64) (t Task, err error) {
	defer wrap(&err, "Task(%d)", id)
	return scanTask(db.sql.QueryRowContext(ctx, `SELECT `+taskColumns+` FROM collection_tasks WHERE id = $1`, id))
}

// TaskSupply is a task with what has come in: how many counties should
// report, how many have a figure (a value or NA), when the first figure and
// the one that completed the task arrived, and the resulting status.
type TaskSupply struct {
	Task
	Expected   int
	Supplied   int
	FirstAt    time.Time // zero when nothing came
	CompleteAt time.Time // zero while incomplete
	Status     workflow.TaskStatus
}

// Supply computes the supply of tasks at time now. A county's figure
// counts from the revision that first brought it (later corrections do not
// make an early supply late).
func (db *DB) Supply(ctx context.Context, tasks []Task, now time.Time) (out []TaskSupply, err error) {
	defer wrap(&err, "Supply")
	var expected int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM units WHERE kind = 'county'`).Scan(&expected); err != nil {
		return nil, err
	}
	type key struct{ period, indicator string }
	type agg struct {
		n             int
		first, latest time.Time
	}
	got := map[key]*agg{}
	periods := map[string]bool{}
	for _, t := range tasks {
		if periods[t.Period] {
			continue
		}
		periods[t.Period] = true
		rows, err := db.sql.QueryContext(ctx, `SELECT f.indicator_code, r.created_at FROM (
				SELECT o.indicator_code, o.unit_code, MIN(o.revision_id) AS first_rev FROM observations o
				JOIN units u ON u.code = o.unit_code
				WHERE o.period_code = $1 AND u.kind = 'county' GROUP BY o.indicator_code, o.unit_code) f
			JOIN revisions r ON r.id = f.first_rev`, t.Period)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var ind string
			var at time.Time
			if err := rows.Scan(&ind, &at); err != nil {
				rows.Close()
				return nil, err
			}
			a := got[key{t.Period, ind}]
			if a == nil {
				a = &agg{first: at.UTC()}
				got[key{t.Period, ind}] = a
			}
			a.n++
			if at.Before(a.first) {
				a.first = at.UTC()
			}
			if at.After(a.latest) {
				a.latest = at.UTC()
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for _, t := range tasks {
		s := TaskSupply{Task: t, Expected: expected}
		if a := got[key{t.Period, t.Indicator}]; a != nil {
			s.Supplied, s.FirstAt = a.n, a.first
			if a.n >= expected {
				s.CompleteAt = a.latest
			}
		}
		s.Status = workflow.Supply{Expected: s.Expected, Supplied: s.Supplied, CompleteAt: s.CompleteAt,
			Deadline: t.Deadline, Now: now}.Status()
		out = append(out, s)
	}
	return out, nil
}

// Notification is a notice shown in the application — nothing is e-mailed:
// a reminder to a department about a task, an objection to a department,
// an answer to a county. Department or Unit says to whom.
type Notification struct {
	ID          int64
	Department  string
	Unit        string
	Kind        string // reminder, objection, answer
	TaskID      int64
	ObjectionID int64
	Message     string
	CreatedAt   time.Time
	CreatedBy   string
}

const notificationColumns = `id, department, unit_code, kind, task_id, objection_id, message, created_at, created_by`

func scanNotification(s scanner) (Notification, error) {
	var n Notification
	var unit sql.NullString
	var task, obj sql.NullInt64
	err := s.Scan(&n.ID, &n.Department, &unit, &n.Kind, &task, &obj, &n.Message, &n.CreatedAt, &n.CreatedBy)
	n.Unit, n.TaskID, n.ObjectionID, n.CreatedAt = unit.String, task.Int64, obj.Int64, n.CreatedAt.UTC()
	return n, err
}

// notify records n in the transaction.
func (t *txn) notify(n Notification) error {
	_, err := t.Exec(`INSERT INTO notifications (department, unit_code, kind, task_id, objection_id, message, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, n.Department, nullString(n.Unit), n.Kind, nullID(n.TaskID),
		nullID(n.ObjectionID), n.Message, t.now, t.actor.Username)
	return err
}

// Remind records a reminder about task for its department: a notification
// it sees in the application and an audit row. It returns the notification.
func (db *DB) Remind(ctx context.Context, actor Actor, taskID int64, message string) (n Notification, err error) {
	defer wrap(&err, "Remind(%d)", taskID)
	task, err := db.Task(ctx, taskID)
	if err != nil {
		return n, err
	}
	n = Notification{Department: task.Department, Kind: "reminder", TaskID: task.ID, Message: strings.TrimSpace(message)}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.notify(n); err != nil {
			return err
		}
		return t.audit("remind", "collection_task", fmt.Sprint(task.ID), map[string]any{"department": task.Department,
			"indicator": task.Indicator, "period": task.Period, "message": n.Message})
	})
	n.CreatedAt, n.CreatedBy = db.timestamp(), actor.Username
	return n, err
}

// NotificationFilter selects notifications: those of a department or of a
// unit (a prefecture reviewer passes her prefecture and sees its units').
type NotificationFilter struct {
	Department string
	Unit       string
	Prefecture string
	Limit      int // 0: 50
}

// Notifications returns the newest notifications f selects, newest first.
// With neither field set it returns every notification (the analyst's view).
func (db *DB) Notifications(ctx context.Context, f NotificationFilter) (ns []Notification, err error) {
	defer wrap(&err, "Notifications")
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	q := `SELECT ` + notificationColumns + ` FROM notifications
		WHERE ($1 = '' OR department = $1) AND ($2 = '' OR unit_code = $2)
		AND ($3 = '' OR unit_code IN (` + fmt.Sprintf(prefectureScope, "$3") + `))
		ORDER BY id DESC LIMIT ` + fmt.Sprint(limit)
	rows, err := db.sql.QueryContext(ctx, q, f.Department, f.Unit, f.Prefecture)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		n, err := scanNotification(rows)
		if err != nil {
			return nil, err
		}
		ns = append(ns, n)
	}
	return ns, rows.Err()
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}
