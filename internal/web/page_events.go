package web

import (
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// eventsView is the events register (/events): the events that affect the
// caller's units or that her department reported, with their documents,
// and for departments and the office the form to record one.
type eventsView struct {
	Events     []eventRow
	CanRecord  bool
	Department string // fixed for a department user
	Counties   []store.Unit
	Types      []string
	Accept     string
	Done       bool
}

// eventRow is an event with its unit's name and its attachments.
type eventRow struct {
	store.Event
	UnitName    string
	Attachments []store.Attachment
}

// HasPoints reports whether the event carries points.
func (e eventRow) HasPoints() bool { return !math.IsNaN(e.Points) }

// eventsPage renders the register.
func (s *Server) eventsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, c := r.Context(), callerOf(r)
	if err := require(c, auth.Read, ownScope(c, auth.KindEvent), "events"); err != nil {
		return err
	}
	v := &eventsView{Accept: workflow.AttachmentTypes, Done: r.URL.Query().Get("done") != "",
		CanRecord: auth.Can(c.principal(), auth.Write, ownScope(c, auth.KindEvent)), Department: c.user.Department}
	es, err := s.db.Events(ctx, store.EventFilter{})
	if err != nil {
		return err
	}
	units, err := s.db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty})
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, u := range units {
		names[u.Code] = u.Name
	}
	v.Counties = units
	for _, e := range es {
		res, err := s.eventResource(r, e)
		if err != nil {
			return err
		}
		if !auth.Can(c.principal(), auth.Read, res) {
			continue
		}
		if !slices.Contains(v.Types, e.Type) {
			v.Types = append(v.Types, e.Type)
		}
		row := eventRow{Event: e, UnitName: names[e.Unit]}
		if row.Attachments, err = s.db.Attachments(ctx, "event", e.Key); err != nil {
			return err
		}
		v.Events = append(v.Events, row)
	}
	slices.Reverse(v.Events) // newest first
	s.render(w, r, http.StatusOK, "events", v)
	return nil
}

// eventsPost records an event from the form (unit, date, type, department,
// document, points, note, file): the department's own for a department
// user. The attachment is checked before the event is recorded.
func (s *Server) eventsPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	att, err := parseThreadForm(w, r)
	if err != nil {
		return err
	}
	dept := strings.TrimSpace(r.FormValue("department"))
	if c.user.Department != "" {
		dept = c.user.Department
	}
	e := store.Event{Unit: r.FormValue("unit"), Type: strings.TrimSpace(r.FormValue("type")), Department: dept,
		Document: strings.TrimSpace(r.FormValue("document")), Note: r.FormValue("note")}
	if e.Date, err = parseDay(r.FormValue("date")); err != nil {
		return err
	}
	if e.Points, err = parseOptionalNumber("points", r.FormValue("points")); err != nil {
		return err
	}
	res, err := s.unitResource(r.Context(), auth.KindEvent, e.Unit)
	if err != nil {
		return err
	}
	res.Department = dept
	if err := require(c, auth.Write, res, "event of "+dept); err != nil {
		return err
	}
	_, saved, err := s.db.RecordEvents(r.Context(), c.actor(), store.RevisionNote{Kind: "events", Source: "form"}, []store.Event{e})
	if err != nil {
		return err
	}
	if att != nil {
		if _, err := s.db.AttachToEvent(r.Context(), c.actor(), saved[0].Key, *att); err != nil {
			return err
		}
	}
	http.Redirect(w, r, "/events?done=1", http.StatusSeeOther)
	return nil
}

func init() {
	registerUI(map[string][2]string{
		"ev.title":    {"事件登记", "Events register"},
		"ev.intro":    {"各部门登记的加分、减分和一票否决事件（附文号和文件），评价办法据此扣分或否决。县区只看到涉及本单位的事件。", "Bonus, deduction and veto events reported by the departments, with their document numbers and files; the method deducts or vetoes by them. A county sees the events that affect it."},
		"ev.date":     {"日期", "Date"},
		"ev.unit":     {"单位", "Unit"},
		"ev.type":     {"类型", "Type"},
		"ev.dept":     {"登记部门", "Department"},
		"ev.doc":      {"文号", "Document No."},
		"ev.points":   {"分值", "Points"},
		"ev.note":     {"备注", "Note"},
		"ev.files":    {"文件", "Files"},
		"ev.none":     {"没有您可以查看的事件。", "No events you may see."},
		"ev.record":   {"登记事件", "Record an event"},
		"ev.file":     {"文件（%s，不超过 5 MB）", "File (%s, at most 5 MB)"},
		"ev.recordGo": {"登记", "Record"},
		"ev.done":     {"事件已登记，记为一个数据版本。", "The event is recorded as a revision."},
	})
}
