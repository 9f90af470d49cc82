// Package workflow holds the rules of the way figures travel from the
// providing departments to the county confirmation (issue 8): the status
// of a collection task against its deadline, the check rules (审核规则)
// that block an import (hard) or hold it until each flagged cell is
// explained (soft), the states of a county's objection (异议) and what may
// be attached to one. It is pure — no SQL, no HTTP — so that the store
// keeps the records and the web package the routes, while the decisions
// live here and are tested on their own.
//
// The check rules are kept in the database (table check_rules, migration
// 0003; API /api/v1/checks/rules, page /collection), not in a TOML section
// of the method file: they belong to the collection of figures, which
// outlives a method version, and the analyst tightens or relaxes them
// between two uploads without issuing a new method. Two generic soft rules
// (change over 30 % against last year; outside the unit's historic range)
// are installed on first use; bounds, sums and ratios name indicators of
// the deployment's catalogue and are added by the analyst.
//
// Nothing here sends e-mail: reminders and answers are notifications shown
// in the application, since the system runs offline on government networks.
package workflow

import (
	"fmt"
	"time"
)

// China is the time zone of deadlines: China Standard Time, UTC+8 all year
// (no daylight saving, so a fixed zone needs no tz database on the server).
var China = time.FixedZone("CST", 8*3600)

// DeadlineEnd is the instant a deadline day ends: a task due on 3 March is
// on time until 24:00 of 3 March in China, whatever the server's zone.
func DeadlineEnd(deadline time.Time) time.Time {
	y, m, d := deadline.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, China).AddDate(0, 0, 1)
}

// TaskStatus is where a collection task stands.
type TaskStatus string

// The statuses of a task. A task is complete when every expected unit has
// a figure (a value, or NA for a figure known to be missing).
const (
	TaskOpen     TaskStatus = "open"     // incomplete, not yet due
	TaskSupplied TaskStatus = "supplied" // complete by the deadline
	TaskLate     TaskStatus = "late"     // complete, but after the deadline
	TaskMissing  TaskStatus = "missing"  // incomplete and past the deadline
)

// Supply is what a task's status is computed from: how many units should
// report, how many have, when the last of them did (zero while incomplete),
// the deadline day and the time of the question.
type Supply struct {
	Expected   int
	Supplied   int
	CompleteAt time.Time
	Deadline   time.Time
	Now        time.Time
}

// Status returns the task's status. A task with no expected unit is
// supplied: there is nothing to wait for.
func (s Supply) Status() TaskStatus {
	end := DeadlineEnd(s.Deadline)
	if s.Supplied >= s.Expected {
		if s.Expected > 0 && !s.CompleteAt.Before(end) {
			return TaskLate
		}
		return TaskSupplied
	}
	if !s.Now.Before(end) {
		return TaskMissing
	}
	return TaskOpen
}

// ObjectionState is where a county's objection to a figure stands.
type ObjectionState string

// The states of an objection: raised (open), then answered by the
// providing department, which keeps the figure or corrects it.
const (
	ObjectionOpen      ObjectionState = "open"
	ObjectionKept      ObjectionState = "kept"      // the department keeps the figure (异议不成立)
	ObjectionCorrected ObjectionState = "corrected" // the department corrects it: a new revision (异议成立)
)

// Valid reports whether s is one of the three states.
func (s ObjectionState) Valid() bool {
	return s == ObjectionOpen || s == ObjectionKept || s == ObjectionCorrected
}

// Decision is a department's answer to an objection.
type Decision string

// The two answers.
const (
	Keep    Decision = "keep"
	Correct Decision = "correct"
)

// State returns the objection state a decision leads to, or an error for
// an unknown decision.
func (d Decision) State() (ObjectionState, error) {
	switch d {
	case Keep:
		return ObjectionKept, nil
	case Correct:
		return ObjectionCorrected, nil
	}
	return "", fmt.Errorf("workflow: unknown decision %q (keep or correct)", d)
}
