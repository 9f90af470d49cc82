package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/followup"
)

// The states of a problem in the 督办 loop.
const (
	ProblemListed  = "listed"  // on the problem list (问题清单)
	ProblemOrdered = "ordered" // a 督办单 has been issued
	ProblemReplied = "replied" // the responsible unit has replied
	ProblemClosing = "closing" // 销号 requested with evidence
	ProblemClosed  = "closed"  // 销号 approved
)

// The steps of the loop.
const (
	StepRaise    = "raise"
	StepOrder    = "order"    // office: issue the 督办单 (its number in Body)
	StepReply    = "reply"    // unit: measures and progress
	StepRequest  = "request"  // unit: ask for 销号, with evidence
	StepApprove  = "approve"  // office: approve the 销号
	StepReject   = "reject"   // office: send it back, with a reason
	StepEscalate = "escalate" // overdue: raised one level
)

// problemMoves maps a step to the states it starts from and the state it
// leads to.
var problemMoves = map[string]struct {
	from []string
	to   string
}{
	StepOrder:   {[]string{ProblemListed}, ProblemOrdered},
	StepReply:   {[]string{ProblemOrdered, ProblemReplied}, ProblemReplied},
	StepRequest: {[]string{ProblemOrdered, ProblemReplied}, ProblemClosing},
	StepApprove: {[]string{ProblemClosing}, ProblemClosed},
	StepReject:  {[]string{ProblemClosing}, ProblemReplied},
}

// Problem is an entry of the problem list and its 督办 state.
type Problem struct {
	ID          int64
	Source      string // indicator, zone, project or manual
	SourceRef   string // the zone code, project id, or ""
	Unit        string
	Indicator   string
	Period      string // YYYY-MM for a red indicator
	Title       string
	Responsible string // the responsible unit (责任单位)
	Measures    string
	Deadline    time.Time
	State       string
	OrderNo     string // the 督办单's number
	Escalation  int    // 0; 1 after the deadline (市级督办); 2 thirty days later (省级督办)
	CreatedAt   time.Time
	CreatedBy   string
	UpdatedAt   time.Time
	Steps       []ProblemStep // filled by Problem only
	// The typed link (migration 0018): a zone warning's zone, year and
	// action; a project's 项目编号. A red indicator's link is
	// (Indicator, Period).
	LinkZone    string
	LinkYear    int
	LinkAction  string
	LinkProject string
}

// Link returns the problem's typed link to its source (all the link
// fields, so that Check sees a stray one).
func (p Problem) Link() followup.Link {
	return followup.Link{Kind: followup.LinkKind(p.Source), Indicator: p.Indicator, Period: p.Period, Zone: p.LinkZone,
		Year: p.LinkYear, Action: p.LinkAction, Project: p.LinkProject}
}

// Overdue reports whether the problem is still open after its deadline.
func (p Problem) Overdue(today time.Time) bool {
	return p.State != ProblemClosed && Day(today).After(Day(p.Deadline))
}

// ProblemStep is one step of a problem's history.
type ProblemStep struct {
	Step     string
	Body     string
	Evidence string
	At       time.Time
	By       string
}

const problemColumns = `id, source, source_ref, unit_code, indicator, period, title, responsible, measures, deadline, state,
	order_no, escalation, created_at, created_by, updated_at, link_zone, link_year, link_action, link_project`

func scanProblem(s scanner) (p Problem, err error) {
	err = s.Scan(&p.ID, &p.Source, &p.SourceRef, &p.Unit, &p.Indicator, &p.Period, &p.Title, &p.Responsible, &p.Measures,
		&p.Deadline, &p.State, &p.OrderNo, &p.Escalation, &p.CreatedAt, &p.CreatedBy, &p.UpdatedAt, &p.LinkZone, &p.LinkYear, &p.LinkAction,
		&p.LinkProject)
	p.Deadline, p.CreatedAt, p.UpdatedAt = Day(p.Deadline), p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return p, err
}

// RaiseProblem puts a problem on the list: a source with its typed link
// (followup.Link.Check), a unit, a title, the responsible unit and a
// deadline are required. Whether the link's source exists and warrants the
// problem (a light is red, a zone has that warning, a project is behind)
// is the caller's check.
func (db *DB) RaiseProblem(ctx context.Context, actor Actor, p Problem) (out Problem, err error) {
	defer wrap(&err, "RaiseProblem(%s)", p.Unit)
	if errs := p.Link().Check(); len(errs) > 0 {
		return out, refuse(ErrInvalid, "store.monitor.problemLink", strings.Join(errs, "; "))
	}
	if !slices.Contains([]string{"indicator", "zone", "project", "manual"}, p.Source) || strings.TrimSpace(p.Title) == "" ||
		strings.TrimSpace(p.Responsible) == "" || p.Deadline.IsZero() || p.Unit == "" {
		return out, refuse(ErrInvalid, "store.problemFields")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		out, err = scanProblem(t.QueryRow(`INSERT INTO monitor_problems (source, source_ref, unit_code, indicator, period, title,
			responsible, measures, deadline, state, created_at, created_by, updated_at, link_zone, link_year, link_action, link_project)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11, $13, $14, $15, $16) RETURNING `+problemColumns,
			p.Source, p.SourceRef, p.Unit, p.Indicator, p.Period, p.Title, p.Responsible, p.Measures, nullDate(p.Deadline),
			ProblemListed, t.now, t.actor.Username, p.LinkZone, p.LinkYear, p.LinkAction, p.LinkProject))
		if err != nil {
			return err
		}
		if err := t.problemStep(out.ID, StepRaise, p.Title, ""); err != nil {
			return err
		}
		return t.audit("raise", "monitor_problem", fmt.Sprint(out.ID), map[string]string{"unit": p.Unit, "source": p.Source})
	})
	return out, err
}

func (t *txn) problemStep(id int64, step, body, evidence string) error {
	_, err := t.Exec(`INSERT INTO monitor_problem_steps (problem_id, step, body, evidence, created_at, username)
		VALUES ($1, $2, $3, $4, $5, $6)`, id, step, body, evidence, t.now, t.actor.Username)
	return err
}

// AdvanceProblem takes one step of the loop: order (body: the 督办单's
// number), reply (body: measures and progress), request (销号, evidence
// required), approve, reject (body: the reason, required). A step that
// does not start from the problem's state is ErrConflict.
func (db *DB) AdvanceProblem(ctx context.Context, actor Actor, id int64, step, body, evidence string) (out Problem, err error) {
	defer wrap(&err, "AdvanceProblem(%d, %s)", id, step)
	move, ok := problemMoves[step]
	switch {
	case !ok:
		return out, refuse(ErrInvalid, "store.unknownStep", step)
	case step == StepRequest && strings.TrimSpace(evidence) == "":
		return out, refuse(ErrInvalid, "store.closeEvidence")
	case (step == StepReject || step == StepReply || step == StepOrder) && strings.TrimSpace(body) == "":
		return out, refuse(ErrInvalid, "store.stepText", step)
	}
	err = db.change(ctx, actor, func(t *txn) error {
		p, err := scanProblem(t.QueryRow(`SELECT `+problemColumns+` FROM monitor_problems WHERE id = $1`, id))
		if err != nil {
			return err
		}
		if !slices.Contains(move.from, p.State) {
			return refuse(ErrConflict, "store.stepOrder", step, p.State)
		}
		set := `state = $2, updated_at = $3`
		args := []any{id, move.to, t.now}
		switch step {
		case StepOrder:
			set, args = set+`, order_no = $4`, append(args, body)
		case StepReply:
			set, args = set+`, measures = $4`, append(args, body)
		}
		if out, err = scanProblem(t.QueryRow(`UPDATE monitor_problems SET `+set+` WHERE id = $1 RETURNING `+problemColumns, args...)); err != nil {
			return err
		}
		if err := t.problemStep(id, step, body, evidence); err != nil {
			return err
		}
		return t.audit(step, "monitor_problem", fmt.Sprint(id), map[string]string{"state": move.to})
	})
	return out, err
}

// EscalateOverdue raises the problems still open after their deadline on
// today: to level 1 (市级督办) the day after the deadline, to level 2
// (省级督办) thirty days after it. It is idempotent for a day; the count
// of problems raised is returned.
func (db *DB) EscalateOverdue(ctx context.Context, actor Actor, today time.Time) (n int, err error) {
	defer wrap(&err, "EscalateOverdue")
	day := Day(today)
	err = db.change(ctx, actor, func(t *txn) error {
		ps, err := t.problems(ProblemFilter{Open: true})
		if err != nil {
			return err
		}
		for _, p := range ps {
			level := 0
			switch {
			case day.After(p.Deadline.AddDate(0, 0, 30)):
				level = 2
			case day.After(p.Deadline):
				level = 1
			}
			if level <= p.Escalation {
				continue
			}
			if _, err := t.Exec(`UPDATE monitor_problems SET escalation = $2, updated_at = $3 WHERE id = $1`, p.ID, level, t.now); err != nil {
				return err
			}
			body := fmt.Sprintf("逾期升级至%s（期限 %s）", []string{"", "市级督办", "省级督办"}[level], p.Deadline.Format(time.DateOnly))
			if err := t.problemStep(p.ID, StepEscalate, body, ""); err != nil {
				return err
			}
			n++
		}
		return t.audit("escalate", "monitor_problem", "", map[string]int{"escalated": n})
	})
	return n, err
}

// ProblemFilter selects problems; zero fields select all.
type ProblemFilter struct {
	Unit    string
	Open    bool // not closed
	State   string
	Source  string // indicator, zone, project or manual
	Project string // linked to this 项目编号
}

// Problems returns the problems f selects, newest first.
func (db *DB) Problems(ctx context.Context, f ProblemFilter) (ps []Problem, err error) {
	defer wrap(&err, "Problems")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+problemColumns+` FROM monitor_problems
		WHERE ($1 = '' OR unit_code = $1) AND ($2 = '' OR state = $2) AND ($3 = 0 OR state <> 'closed')
		AND ($4 = '' OR source = $4) AND ($5 = '' OR link_project = $5) ORDER BY id DESC`,
		f.Unit, f.State, boolInt(f.Open), f.Source, f.Project)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanProblem(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

func (t *txn) problems(f ProblemFilter) (ps []Problem, err error) {
	rows, err := t.Query(`SELECT `+problemColumns+` FROM monitor_problems
		WHERE ($1 = '' OR unit_code = $1) AND ($2 = 0 OR state <> 'closed') ORDER BY id`, f.Unit, boolInt(f.Open))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanProblem(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Problem returns problem id with its steps, oldest first.
func (db *DB) Problem(ctx context.Context, id int64) (p Problem, err error) {
	defer wrap(&err, "Problem(%d)", id)
	if p, err = scanProblem(db.sql.QueryRowContext(ctx, `SELECT `+problemColumns+` FROM monitor_problems WHERE id = $1`, id)); err != nil {
		return p, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT step, body, evidence, created_at, username FROM monitor_problem_steps
		WHERE problem_id = $1 ORDER BY id`, id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var s ProblemStep
		if err := rows.Scan(&s.Step, &s.Body, &s.Evidence, &s.At, &s.By); err != nil {
			return p, err
		}
		s.At = s.At.UTC()
		p.Steps = append(p.Steps, s)
	}
	return p, rows.Err()
}

func init() {
	// The monitoring tables (migration 0015) go into backups after the
	// units they refer to, parents before children.
	dumpTables = append(dumpTables,
		dumpTable{"monitor_indicators", monitorIndicatorColumns, "ssssibbb", "code", false},
		dumpTable{"monitor_targets", "year, unit_code, indicator, kind, value, updated_at, updated_by", "isssfts", "year, unit_code, indicator", false},
		dumpTable{"monitor_target_changes", "id, year, unit_code, indicator, old_kind, old_value, kind, value, reason, changed_at, changed_by",
			"iisssfsfsts", "id", true},
		dumpTable{"monitor_releases", "year, month, release_day", "iit", "year, month", false},
		dumpTable{"monitor_figures", "year, month, unit_code, indicator, stage, value, growth, updated_at, updated_by", "iisssffts",
			"year, month, indicator, unit_code, stage", false},
		dumpTable{"monitor_problems", problemColumns, "isssssssstssitstsiss", "id", true},
		dumpTable{"monitor_problem_steps", "id, problem_id, step, body, evidence, created_at, username", "iisssts", "id", true})
}
