package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

func init() {
	registerUI(map[string][2]string{
		"zones.runs":      {"评价批次", "Assessment runs"},
		"zones.runState":  {"本页为第 %d 号评价批次（%s），不是已发布的结果。", "This page shows assessment run %d (%s), not the published results."},
		"zones.runLatest": {"查看已发布结果", "See the published results"},
		"rev.kind.zones":  {"开发区考核数据", "zone assessment data"},
	})
}

// zoneRunLink is a zone run listed for the caller, with its state.
type zoneRunLink struct {
	ID       int64
	Year     string
	StateKey string
}

// zoneViewOf loads what the zone pages show: the run ?run= names (a zone
// run the caller may read: the office sees drafts, everyone a run in 公示
// or later, as for county runs) or else the published history of ?year=
// (the latest held year without one). nil, nil when nothing was assessed
// and no year was asked for.
func (s *Server) zoneViewOf(r *http.Request) (*zonereport.View, error) {
	q := r.URL.Query()
	if q.Get("run") != "" {
		id, err := queryInt(r, "run")
		if err != nil || id == 0 {
			return nil, notFound("zone run " + q.Get("run"))
		}
		run, err := s.readableRun(r, id)
		if err != nil {
			return nil, err
		}
		if run.Domain != store.DomainZone {
			return nil, notFound("zone run " + q.Get("run"))
		}
		return zonereport.LoadRun(r.Context(), s.db, run)
	}
	year, _ := strconv.Atoi(q.Get("year"))
	v, err := zonereport.Load(r.Context(), s.db, year)
	if errors.Is(err, store.ErrNotFound) {
		if year != 0 {
			return nil, notFound("zone assessment " + q.Get("year"))
		}
		return nil, nil
	}
	return v, err
}

// unpublishedRun reports whether v shows a zone run other than its year's
// published one (a draft, a run in 公示, a superseded run).
func unpublishedRun(v *zonereport.View) bool {
	return v.Run != nil && v.Run.State != auth.StatePublished
}

// zoneRuns lists the zone runs the caller may read, newest first.
func (s *Server) zoneRuns(r *http.Request) ([]store.Run, error) {
	rs, err := s.db.Runs(r.Context(), store.RunFilter{Domain: store.DomainZone})
	if err != nil {
		return nil, err
	}
	p := callerOf(r).principal()
	out := rs[:0]
	for _, run := range rs {
		if auth.Can(p, auth.Read, runResource(run)) {
			out = append(out, run)
		}
	}
	return out, nil
}

// zoneRunLinks lists the caller's readable zone runs that are not
// published, for the zone pages' list of runs under way.
func (s *Server) zoneRunLinks(r *http.Request) ([]zoneRunLink, error) {
	rs, err := s.zoneRuns(r)
	if err != nil {
		return nil, err
	}
	var out []zoneRunLink
	for _, run := range rs {
		if !run.State.Final() {
			out = append(out, zoneRunLink{ID: run.ID, Year: run.Period, StateKey: "state." + string(run.State)})
		}
	}
	return out, nil
}

// zoneSignOff is what the sign-off of v's run gives its notice: the
// approval phrase (经领导小组同意), the registered 文号 and 成文日期 ("" when
// not yet registered), from the run's approval record and registration.
func (s *Server) zoneSignOff(ctx context.Context, v *zonereport.View) (approval, doc, date string, err error) {
	if v.Run == nil {
		return "", "", "", nil
	}
	a, err := s.noticeApproval(ctx, *v.Run)
	if err != nil {
		return "", "", "", err
	}
	if a != nil {
		approval = a.Phrase()
	}
	reg, ok, err := s.db.NoticeRegistration(ctx, v.Run.ID)
	if err != nil || !ok {
		return approval, "", "", err
	}
	t := reg.Signed // the day, UTC midnight
	return approval, reg.DocNumber, strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日", nil
}
