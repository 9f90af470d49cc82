package invest

import (
	"errors"
	"fmt"
	"time"
)

// The monthly reporting of the ledger (issue 17), after the provincial
// statistical report system (GTT01): a county's changes of a month go up
// county → prefecture → province for review; each level passes them on or
// returns them with an opinion; the province's pass puts them into the
// ledger. A month locks at its deadline: after it a county may neither
// save nor submit unless the province has reopened the month.

// ReportState is where a county's monthly report stands.
type ReportState string

// The states: saved by the county (保存), under review at some level
// (审核中), passed by the province and in the ledger (通过), returned to
// the county with an opinion (退回).
const (
	ReportSaved    ReportState = "保存"
	ReportInReview ReportState = "审核中"
	ReportPassed   ReportState = "通过"
	ReportReturned ReportState = "退回"
)

// ReportLevel is who holds a report.
type ReportLevel string

// The levels of review.
const (
	AtCounty     ReportLevel = "county"
	AtPrefecture ReportLevel = "prefecture"
	AtProvince   ReportLevel = "province"
)

// ReportAction is what someone does to a report.
type ReportAction string

// The actions: a county saves and submits; a reviewer passes or returns.
const (
	ActSave   ReportAction = "save"
	ActSubmit ReportAction = "submit"
	ActPass   ReportAction = "pass"
	ActReturn ReportAction = "return"
)

// Errors of the workflow.
var (
	ErrLocked       = errors.New("invest: the month is locked: its deadline has passed and the province has not reopened it")
	ErrNotYourTurn  = errors.New("invest: the report is not waiting for this level")
	ErrNeedsOpinion = errors.New("invest: returning a report needs an opinion")
)

// Report is the state of a county's report of one month.
type Report struct {
	State ReportState
	Level ReportLevel // who holds it now
}

// MonthWindow is a month's reporting window: its deadline and, after a
// reopening by the province, the time until which it is open again.
type MonthWindow struct {
	Deadline     time.Time
	ReopenedTill time.Time // zero: never reopened
}

// Open reports whether counties may change the month's reports at now.
func (w MonthWindow) Open(now time.Time) bool {
	return !now.After(w.Deadline) || now.Before(w.ReopenedTill)
}

// Next returns the report after level by does act at now, or an error
// when the action is not allowed: a county saves or submits its report
// while it holds it (new, saved or returned) and the month is open; a
// prefecture passes a report under review at the prefecture to the
// province or returns it; the province passes a report under review at
// the province (通过) or returns it. A return needs an opinion.
func Next(r Report, by ReportLevel, act ReportAction, opinion string, w MonthWindow, now time.Time) (Report, error) {
	switch act {
	case ActSave, ActSubmit:
		if by != AtCounty {
			return r, fmt.Errorf("%w: only the county saves and submits", ErrNotYourTurn)
		}
		if r.State != "" && r.State != ReportSaved && r.State != ReportReturned {
			return r, fmt.Errorf("%w: the report is %s", ErrNotYourTurn, r.State)
		}
		if !w.Open(now) {
			return r, ErrLocked
		}
		if act == ActSave {
			return Report{ReportSaved, AtCounty}, nil
		}
		return Report{ReportInReview, AtPrefecture}, nil
	case ActPass, ActReturn:
		if r.State != ReportInReview || r.Level != by || by == AtCounty {
			return r, fmt.Errorf("%w: it is %s at %s", ErrNotYourTurn, r.State, r.Level)
		}
		if act == ActReturn {
			if opinion == "" {
				return r, ErrNeedsOpinion
			}
			return Report{ReportReturned, AtCounty}, nil
		}
		if by == AtPrefecture {
			return Report{ReportInReview, AtProvince}, nil
		}
		return Report{ReportPassed, AtProvince}, nil
	}
	return r, fmt.Errorf("invest: unknown action %q", act)
}
