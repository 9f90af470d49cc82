package web

import (
	"math"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// The JSON shapes of the workflow API (collection, checks, objections),
// with the conventions of dto.go.

type taskJSON struct {
	ID         int64  `json:"id"`
	Period     string `json:"period"`
	Indicator  string `json:"indicator"`
	Department string `json:"department"`
	Deadline   string `json:"deadline"`
	Method     int64  `json:"method,omitempty"`
	Expected   int    `json:"expected"`
	Supplied   int    `json:"supplied"`
	Status     string `json:"status"`
	CompleteAt string `json:"complete_at,omitempty"`
}

func taskOut(t store.TaskSupply) taskJSON {
	out := taskJSON{ID: t.ID, Period: t.Period, Indicator: t.Indicator, Department: t.Department,
		Deadline: day(t.Deadline), Method: t.MethodID, Expected: t.Expected, Supplied: t.Supplied, Status: string(t.Status)}
	if !t.CompleteAt.IsZero() {
		out.CompleteAt = t.CompleteAt.Format(time.RFC3339)
	}
	return out
}

type notificationJSON struct {
	ID         int64     `json:"id"`
	Kind       string    `json:"kind"`
	Department string    `json:"department,omitempty"`
	Unit       string    `json:"unit,omitempty"`
	Task       int64     `json:"task,omitempty"`
	Objection  int64     `json:"objection,omitempty"`
	Message    string    `json:"message"`
	CreatedAt  time.Time `json:"created_at"`
	CreatedBy  string    `json:"created_by"`
}

func notificationOut(n store.Notification) notificationJSON {
	return notificationJSON{ID: n.ID, Kind: n.Kind, Department: n.Department, Unit: n.Unit, Task: n.TaskID,
		Objection: n.ObjectionID, Message: n.Message, CreatedAt: n.CreatedAt, CreatedBy: n.CreatedBy}
}

type findingJSON struct {
	Rule      int64  `json:"rule"`
	RuleName  string `json:"rule_name"`
	Severity  string `json:"severity"`
	Unit      string `json:"unit"`
	Indicator string `json:"indicator"`
	Value     num    `json:"value"`
	Place     string `json:"place,omitempty"`
	Message   string `json:"message"`
}

func findingOut(f store.Finding, lang locale.Lang) findingJSON {
	v := math.NaN()
	if f.Value != nil {
		v = *f.Value
	}
	msg := f.MessageZH
	if lang == locale.EN {
		msg = f.MessageEN
	}
	return findingJSON{Rule: f.RuleID, RuleName: f.RuleName, Severity: string(f.Severity), Unit: f.Unit,
		Indicator: f.Indicator, Value: num(v), Place: f.Place, Message: msg}
}

type heldJSON struct {
	ID       int64         `json:"id"`
	State    string        `json:"state"`
	Period   string        `json:"period"`
	Source   string        `json:"source"`
	Figures  int           `json:"figures"`
	Revision int64         `json:"revision,omitempty"`
	Findings []findingJSON `json:"findings"`
}

func heldOut(p store.PendingImport, lang locale.Lang) heldJSON {
	out := heldJSON{ID: p.ID, State: p.State, Period: p.Period, Source: p.Source, Figures: len(p.Rows), Revision: p.Revision,
		Findings: make([]findingJSON, len(p.Findings))}
	for i, f := range p.Findings {
		out.Findings[i] = findingOut(f, lang)
	}
	return out
}

type ruleJSON struct {
	ID        int64    `json:"id,omitempty"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Severity  string   `json:"severity,omitempty"`
	Indicator string   `json:"indicator,omitempty"`
	Other     string   `json:"other,omitempty"`
	Parts     []string `json:"parts,omitempty"`
	Lo        *num     `json:"lo,omitempty"`
	Hi        *num     `json:"hi,omitempty"`
	Threshold float64  `json:"threshold,omitempty"`
	Enabled   *bool    `json:"enabled,omitempty"`
	Note      string   `json:"note,omitempty"`
}

func ruleOut(r workflow.Rule) ruleJSON {
	out := ruleJSON{ID: r.ID, Name: r.Name, Kind: string(r.Kind), Severity: string(r.Severity), Indicator: r.Indicator,
		Other: r.Other, Parts: r.Parts, Threshold: r.Threshold, Enabled: &r.Enabled, Note: r.Note}
	if !math.IsNaN(r.Lo) {
		lo := num(r.Lo)
		out.Lo = &lo
	}
	if !math.IsNaN(r.Hi) {
		hi := num(r.Hi)
		out.Hi = &hi
	}
	return out
}

// rule reads a rule from its JSON: missing bounds are open, a missing
// severity is the kind's usual one, a missing enabled is true.
func (j ruleJSON) rule() workflow.Rule {
	r := workflow.Rule{ID: j.ID, Name: j.Name, Kind: workflow.RuleKind(j.Kind), Severity: workflow.Severity(j.Severity),
		Indicator: j.Indicator, Other: j.Other, Parts: j.Parts, Lo: math.NaN(), Hi: math.NaN(), Threshold: j.Threshold,
		Enabled: j.Enabled == nil || *j.Enabled, Note: j.Note}
	if r.Severity == "" {
		r.Severity = workflow.DefaultSeverity(r.Kind)
	}
	if j.Lo != nil {
		r.Lo = float64(*j.Lo)
	}
	if j.Hi != nil {
		r.Hi = float64(*j.Hi)
	}
	return r
}

type explanationJSON struct {
	Unit      string    `json:"unit"`
	Indicator string    `json:"indicator"`
	Period    string    `json:"period"`
	Revision  int64     `json:"revision"`
	Findings  string    `json:"findings"`
	Text      string    `json:"text"`
	Username  string    `json:"username"`
	CreatedAt time.Time `json:"created_at"`
}

func explanationOut(e store.Explanation) explanationJSON { return explanationJSON(e) }

type attachmentJSON struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	Href        string `json:"href"`
}

func attachmentOut(a store.Attachment) attachmentJSON {
	return attachmentJSON{ID: a.ID, Name: a.Name, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256,
		Href: "/api/v1/attachments/" + strconv.FormatInt(a.ID, 10)}
}

type messageJSON struct {
	At          time.Time        `json:"at"`
	Username    string           `json:"username"`
	Kind        string           `json:"kind"`
	Body        string           `json:"body"`
	Revision    int64            `json:"revision,omitempty"`
	Attachments []attachmentJSON `json:"attachments"`
}

type objectionJSON struct {
	ID             int64         `json:"id"`
	Unit           string        `json:"unit"`
	Indicator      string        `json:"indicator"`
	Period         string        `json:"period"`
	Department     string        `json:"department"`
	Run            int64         `json:"run,omitempty"`
	Value          num           `json:"value"`
	Proposed       num           `json:"proposed"`
	Reason         string        `json:"reason"`
	State          string        `json:"state"`
	RaisedBy       string        `json:"raised_by"`
	RaisedAt       time.Time     `json:"raised_at"`
	AnsweredBy     string        `json:"answered_by,omitempty"`
	Answer         string        `json:"answer,omitempty"`
	AnswerRevision int64         `json:"answer_revision,omitempty"`
	Thread         []messageJSON `json:"thread,omitempty"`
}

func objectionOut(o store.FigureObjection, thread []store.ObjectionMessage) objectionJSON {
	out := objectionJSON{ID: o.ID, Unit: o.Unit, Indicator: o.Indicator, Period: o.Period, Department: o.Department,
		Run: o.RunID, Value: num(o.Value), Proposed: num(o.Proposed), Reason: o.Reason, State: string(o.State),
		RaisedBy: o.RaisedBy, RaisedAt: o.RaisedAt, AnsweredBy: o.AnsweredBy, Answer: o.Answer, AnswerRevision: o.AnswerRevision}
	for _, m := range thread {
		mj := messageJSON{At: m.At, Username: m.Username, Kind: m.Kind, Body: m.Body, Revision: m.Revision,
			Attachments: []attachmentJSON{}}
		for _, a := range m.Attachments {
			mj.Attachments = append(mj.Attachments, attachmentOut(a))
		}
		out.Thread = append(out.Thread, mj)
	}
	return out
}
