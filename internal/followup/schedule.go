package followup

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// Behind says which of a project's contract dates have passed without the
// actual one: the project is behind schedule (进度滞后) when either is
// true. DaysLate counts from the earlier missed date.
type Behind struct {
	Start, Production bool
	DaysLate          int
}

// Late reports whether the project is behind schedule.
func (b Behind) Late() bool { return b.Start || b.Production }

// BehindSchedule reports p's missed dates on today: a 合同开工日期 before
// today without an 实际开工日期, a 合同投产日期 before today without an
// 实际投产日期. Capital increases and projects terminated by today are
// never behind.
func BehindSchedule(p *invest.Project, today invest.Day) Behind {
	var b Behind
	if p.IsIncrease() || (p.Terminated != 0 && p.Terminated <= today) {
		return b
	}
	b.Start = p.ContractStart != 0 && p.ContractStart < today && p.ActualStart == 0
	b.Production = p.ContractProd != 0 && p.ContractProd < today && p.ActualProd == 0
	switch {
	case b.Start:
		b.DaysLate = DaysBetween(p.ContractStart, today)
	case b.Production:
		b.DaysLate = DaysBetween(p.ContractProd, today)
	}
	return b
}

// IsKey reports whether p is a key project (重点项目) under r.
func IsKey(p *invest.Project, r Rules) bool { return !p.IsIncrease() && p.Amount >= r.KeyAmount }

// LinkKind is what a problem of the 督办 loop was raised from.
type LinkKind string

// The four links.
const (
	LinkIndicator LinkKind = "indicator" // a red monitoring indicator: unit, indicator, period
	LinkZone      LinkKind = "zone"      // a zone warning: zone code, year, action
	LinkProject   LinkKind = "project"   // a ledger project (behind schedule or in breach): its 项目编号
	LinkManual    LinkKind = "manual"    // by hand
)

// Link is the typed tie of a problem to its source. Only the fields of
// its kind are set.
type Link struct {
	Kind      LinkKind
	Indicator string // LinkIndicator: the monitoring indicator's code
	Period    string // LinkIndicator: YYYY-MM
	Zone      string // LinkZone: the zone's code
	Year      int    // LinkZone: the assessment year
	Action    string // LinkZone: the warning (降级预警, 退出预警 …)
	Project   string // LinkProject: the 项目编号
}

// Check returns the problems of l, one sentence each, nil when it is
// whole: each kind needs its own fields and no other kind's.
func (l Link) Check() []string {
	var errs []string
	need := func(ok bool, what string) {
		if !ok {
			errs = append(errs, fmt.Sprintf("a link from %s needs %s", l.Kind, what))
		}
	}
	none := func(ok bool, what string) {
		if !ok {
			errs = append(errs, fmt.Sprintf("a link from %s has no %s", l.Kind, what))
		}
	}
	ind, zone, proj := l.Indicator != "" || l.Period != "", l.Zone != "" || l.Year != 0 || l.Action != "", l.Project != ""
	switch l.Kind {
	case LinkIndicator:
		need(l.Indicator != "" && len(l.Period) == 7, "an indicator and a period YYYY-MM")
		none(!zone && !proj, "zone or project")
	case LinkZone:
		need(l.Zone != "" && l.Year > 0 && strings.TrimSpace(l.Action) != "", "a zone code, a year and the warning's action")
		none(!ind && !proj, "indicator or project")
	case LinkProject:
		need(l.Project != "", "a project number (项目编号)")
		none(!ind && !zone, "indicator or zone")
	case LinkManual:
		none(!ind && !zone && !proj, "indicator, zone or project")
	default:
		errs = append(errs, fmt.Sprintf("unknown link %q (want indicator, zone, project or manual)", l.Kind))
	}
	return errs
}

// DefaultDeadline is the deadline a form proposes for a problem raised on
// day: 30 days for a red indicator or a project behind schedule (the
// month's scheduling cycle), 90 days for a zone warning (a quarter), 60
// by hand. The office may set any other.
func DefaultDeadline(k LinkKind, day invest.Day) invest.Day {
	n := map[LinkKind]int{LinkIndicator: 30, LinkProject: 30, LinkZone: 90}[k]
	if n == 0 {
		n = 60
	}
	return invest.DayOf(day.Time().AddDate(0, 0, n))
}

// Due is what the overdue count reads of a problem.
type Due struct {
	Responsible string // the responsible department (责任单位)
	Deadline    invest.Day
	Closed      bool // 销号 approved
}

// DepartmentLoad is one responsible department's problems: open, overdue
// among them, and the days the oldest overdue one is past its deadline.
type DepartmentLoad struct {
	Responsible string
	Open        int
	Overdue     int
	MaxDaysLate int
}

// OverdueByDepartment counts the open and overdue problems of each
// responsible department on today (overdue: open after its deadline day),
// the departments with most overdue first, then most open, then by name.
// Departments with nothing open are left out.
func OverdueByDepartment(ps []Due, today invest.Day) []DepartmentLoad {
	by := map[string]*DepartmentLoad{}
	for _, p := range ps {
		if p.Closed {
			continue
		}
		name := strings.TrimSpace(p.Responsible)
		d := by[name]
		if d == nil {
			d = &DepartmentLoad{Responsible: name}
			by[name] = d
		}
		d.Open++
		if today > p.Deadline {
			d.Overdue++
			d.MaxDaysLate = max(d.MaxDaysLate, DaysBetween(p.Deadline, today))
		}
	}
	out := make([]DepartmentLoad, 0, len(by))
	for _, d := range by {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b DepartmentLoad) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(b.Open, a.Open), cmp.Compare(a.Responsible, b.Responsible))
	})
	return out
}
