package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/store"
)

// noticeTarget picks the run of a notice (?run=, else the latest
// published) and checks the caller may have it: whoever may read the
// award winners' rows of the run — the public for a published run that
// shows winners or the full table, the provincial office and the reviewing
// departments before publication; a county, which may read only its own
// rows, may not.
func (s *Server) noticeTarget(r *http.Request) (store.Run, error) {
	run, ok, err := s.pickRun(r)
	if err != nil {
		return run, err
	}
	if !ok {
		return run, notFound("published run")
	}
	c := callerOf(r)
	what := "the notice of run " + itoa(int(run.ID))
	if run.State == auth.StatePublished || run.State == auth.StateSuperseded {
		// Issued: the document is public whatever the visibility, which
		// removes content (the annexes), never the document (issue 12).
		return run, require(c, auth.Read, runResource(run), what)
	}
	// Not issued yet: a draft for the office and the reviewing departments
	// only. The public reads a run in 公示 through the 公示 notice
	// (/publicity), not through a 通报 that does not exist yet.
	if err := require(c, auth.Read, auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility,
		Winner: true}, what); err != nil {
		return run, err
	}
	if p := c.principal(); c.anonymous() || p.Role == auth.RoleViewer || p.Role == auth.RoleCounty || p.Role == auth.RolePrefecture {
		return run, deny(c, what)
	}
	return run, nil
}

// noticeDoc builds the notice (通报) of run as one document model, which
// /notice, /notice.docx, /notice.pdf and /notice.ofd all render.
func (s *Server) noticeDoc(ctx context.Context, run store.Run) (*notice.Doc, error) {
	in, err := s.noticeInput(ctx, run)
	if err != nil {
		return nil, err
	}
	return notice.Build(in)
}

// noticeInput loads what the notice of run is built from.
func (s *Server) noticeInput(ctx context.Context, run store.Run) (notice.Input, error) {
	var in notice.Input
	m, err := s.runMethod(ctx, run)
	if err != nil {
		return in, err
	}
	rows, err := s.db.Results(ctx, run.ID, store.ResultFilter{Node: m.Root()})
	if err != nil {
		return in, err
	}
	units, err := s.unitNames(ctx)
	if err != nil {
		return in, err
	}
	var params evaluation.Params
	if err := json.Unmarshal(run.Params, &params); err != nil {
		return in, err
	}
	l, err := s.db.Lifecycle(ctx, run.ID)
	if err != nil {
		return in, err
	}
	settings, err := s.noticeSettings(ctx, run, m)
	if err != nil {
		return in, err
	}
	in = notice.Input{Run: run, Method: m, Units: units, Types: params.Types, Results: rows, Lifecycle: l,
		Settings: settings, Today: s.now().In(store.ChinaTime)}
	if run.State == auth.StatePublished {
		hs, err := s.db.RunHistory(ctx, run.ID)
		if err != nil {
			return in, err
		}
		for _, h := range hs {
			if h.To == auth.StatePublished {
				in.Today = h.At.In(store.ChinaTime)
			}
		}
	}
	if reg, ok, err := s.db.NoticeRegistration(ctx, run.ID); err != nil {
		return in, err
	} else if ok {
		in.Registration = notice.Registration{DocNumber: reg.DocNumber, Signed: reg.Signed}
	}
	if in.Approval, err = s.noticeApproval(ctx, run); err != nil {
		return in, err
	}
	if in.Correction, err = s.noticeCorrection(ctx, run); err != nil {
		return in, err
	}
	if in.Values, err = s.noticeValues(ctx, run, settings.Summary); err != nil {
		return in, err
	}
	if in.Vetoes, err = s.noticeVetoes(ctx, run); err != nil {
		return in, err
	}
	return in, nil
}

// noticeSettings layers the notice settings: the method file's [notice]
// table, then the office's settings of the method, then those of the run.
func (s *Server) noticeSettings(ctx context.Context, run store.Run, m *method.Method) (notice.Settings, error) {
	out := notice.FromMethod(m)
	for _, sc := range []struct {
		scope string
		ref   int64
	}{{store.NoticeScopeMethod, run.MethodID}, {store.NoticeScopeRun, run.ID}} {
		js, err := s.db.NoticeSettings(ctx, sc.scope, sc.ref)
		if err != nil {
			return out, err
		}
		if js == nil {
			continue
		}
		var o notice.Settings
		if err := json.Unmarshal(js, &o); err != nil {
			return out, fmt.Errorf("notice settings of %s %d: %w", sc.scope, sc.ref, err)
		}
		out = out.Override(o)
	}
	return out, nil
}

// noticeApproval is the approval record of run (who approved it, at which
// meeting: store.RunApproval), which the notice says as 经…同意: 经省政府同意
// after a 省政府常务会议, 经领导小组同意 after a 领导小组会议. Nil for a run never
// approved; the notice then takes the approval phrase of its settings.
func (s *Server) noticeApproval(ctx context.Context, run store.Run) (*notice.Approval, error) {
	a, ok, err := s.db.RunApproval(ctx, run.ID)
	if err != nil || !ok {
		return nil, err
	}
	body := a.Meeting
	switch {
	case strings.Contains(a.Meeting, "省政府"):
		body = "省政府"
	case strings.Contains(a.Meeting, "领导小组"):
		body = "领导小组"
	}
	day, _ := time.Parse(time.DateOnly, a.Date)
	return &notice.Approval{Meeting: a.Meeting, MinuteNo: a.MinuteNo, Date: day, Approver: body}, nil
}

// noticeCorrection is what a re-run changed in the award lists of the run
// it supersedes (store.RunCorrection), for the notice's 更正 paragraph,
// with the 文号 of the notice it corrects when that one was registered.
// Nil for a run that corrects none.
func (s *Server) noticeCorrection(ctx context.Context, run store.Run) (*notice.Correction, error) {
	c, ok, err := s.db.RunCorrection(ctx, run.ID)
	if err != nil || !ok {
		return nil, err
	}
	out := &notice.Correction{}
	if reg, ok, err := s.db.NoticeRegistration(ctx, c.Supersedes); err != nil {
		return nil, err
	} else if ok {
		out.Replaces = reg.DocNumber
	}
	for _, ch := range c.Changes {
		name := ch.UnitName
		if name == "" {
			name = ch.Unit
		}
		out.Changes = append(out.Changes, notice.AwardChange{Unit: name, Award: ch.Award, Added: ch.Change == store.AwardGained})
	}
	return out, nil
}

// noticeValues reads the figures of the run's period, as of its data
// revision, of the indicators the 总体情况 phrases name.
func (s *Server) noticeValues(ctx context.Context, run store.Run, ps []notice.Phrase) (map[string]map[string]float64, error) {
	var inds []string
	for _, p := range ps {
		inds = append(inds, p.Indicator)
	}
	if len(inds) == 0 {
		return nil, nil
	}
	obs, err := s.db.Observations(ctx, store.ObservationFilter{AsOf: run.Revision, Indicators: inds, Periods: []string{run.Period}})
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]float64{}
	for _, o := range obs {
		if out[o.Indicator] == nil {
			out[o.Indicator] = map[string]float64{}
		}
		out[o.Indicator][o.Unit] = o.Value
	}
	return out, nil
}

// noticeVetoes gives each unit vetoed by a reported event of the run's
// year the event's note as the reason.
func (s *Server) noticeVetoes(ctx context.Context, run store.Run) (map[string]string, error) {
	p, err := store.ParsePeriod(run.Period)
	if err != nil {
		return nil, nil
	}
	es, err := s.db.Events(ctx, store.EventFilter{AsOf: run.Revision, From: time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC),
		To: time.Date(p.Year, 12, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, e := range es {
		if e.Type == "veto" && e.Note != "" {
			out[e.Unit] = e.Note
		}
	}
	return out, nil
}
