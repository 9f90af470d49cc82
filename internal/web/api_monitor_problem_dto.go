package web

import (
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
)

// problemJSON is a problem of the 督办 loop.
type problemJSON struct {
	ID          int64             `json:"id"`
	Source      string            `json:"source"`
	SourceRef   string            `json:"source_ref,omitempty"`
	Unit        string            `json:"unit"`
	Indicator   string            `json:"indicator,omitempty"`
	Period      string            `json:"period,omitempty"`
	Title       string            `json:"title"`
	Responsible string            `json:"responsible"`
	Measures    string            `json:"measures"`
	Deadline    string            `json:"deadline"`
	State       string            `json:"state"`
	OrderNo     string            `json:"order_no,omitempty"`
	Escalation  int               `json:"escalation"`
	Overdue     bool              `json:"overdue"`
	CreatedAt   time.Time         `json:"created_at"`
	CreatedBy   string            `json:"created_by"`
	Steps       []problemStepJSON `json:"steps,omitempty"`
	Zone        string            `json:"zone,omitempty"`    // a zone warning's zone
	Year        int               `json:"year,omitempty"`    // its assessment year
	Action      string            `json:"action,omitempty"`  // the warning
	Project     string            `json:"project,omitempty"` // a project's 项目编号
}

type problemStepJSON struct {
	Step     string    `json:"step"`
	Body     string    `json:"body,omitempty"`
	Evidence string    `json:"evidence,omitempty"`
	At       time.Time `json:"at"`
	By       string    `json:"by"`
}

func problemOut(p store.Problem, now time.Time) problemJSON {
	out := problemJSON{ID: p.ID, Source: p.Source, SourceRef: p.SourceRef, Unit: p.Unit, Indicator: p.Indicator, Period: p.Period,
		Title: p.Title, Responsible: p.Responsible, Measures: p.Measures, Deadline: day(p.Deadline), State: p.State,
		OrderNo: p.OrderNo, Escalation: p.Escalation, Overdue: p.Overdue(now), CreatedAt: p.CreatedAt, CreatedBy: p.CreatedBy,
		Zone: p.LinkZone, Year: p.LinkYear, Action: p.LinkAction, Project: p.LinkProject}
	for _, s := range p.Steps {
		out.Steps = append(out.Steps, problemStepJSON(s))
	}
	return out
}
