package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

type problemRequest struct {
	Source      string `json:"source"` // indicator, zone, project, manual
	SourceRef   string `json:"source_ref"`
	Unit        string `json:"unit"`
	Indicator   string `json:"indicator"`
	Period      string `json:"period"`
	Title       string `json:"title"`
	Responsible string `json:"responsible"`
	Measures    string `json:"measures"`
	Deadline    string `json:"deadline"`
	// The typed link (followup.Link): a zone warning's zone, year and
	// action; a project's 项目编号. The unit of either is taken from it.
	Zone    string `json:"zone,omitempty"`
	Year    int    `json:"year,omitempty"`
	Action  string `json:"action,omitempty"`
	Project string `json:"project,omitempty"`
}

// monitorProblemCreate puts a problem on the list (the provincial office;
// a county or prefecture from its own project, auth.Raise). A problem
// raised from an indicator must name a period whose monitoring table shows
// the unit's indicator red; from a zone, a warning the zone has in that
// year's assessment; from a project, one behind schedule or short of its
// contract.
func (s *Server) monitorProblemCreate(w http.ResponseWriter, r *http.Request) error {
	var req problemRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := s.mayRaise(r, &req); err != nil {
		return err
	}
	p, err := s.raiseProblem(r, req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, problemOut(p, time.Now()))
	return nil
}

// mayRaise fills the unit of a zone's or a project's problem from its
// link and checks that the caller may raise it: the provincial office
// (Write on the unit's problems), or for a project also the county and
// prefecture that may raise problems from its follow-up (auth.Raise).
func (s *Server) mayRaise(r *http.Request, req *problemRequest) error {
	c := callerOf(r)
	switch req.Source {
	case string(followup.LinkZone):
		if req.Zone == "" {
			return invalid("bad.problemZone")
		}
		req.Unit = req.Zone
	case string(followup.LinkProject):
		p, _, err := s.db.InvestProject(r.Context(), req.Project)
		if errors.Is(err, store.ErrNotFound) {
			return invalid("bad.noProject", req.Project)
		}
		if err != nil {
			return err
		}
		req.Unit = p.County
		res, err := s.followupResource(r.Context(), p.County)
		if err != nil {
			return err
		}
		if auth.CanFollowup(c.principal(), auth.Raise, res) {
			return nil
		}
	}
	res, err := s.unitResource(r.Context(), auth.KindProblem, req.Unit)
	if err != nil {
		return err
	}
	return require(c, auth.Write, res, "problem")
}

// raiseProblem checks the link's source (a red light, a zone's warning,
// a project behind schedule or short of its contract) and raises the
// problem.
func (s *Server) raiseProblem(r *http.Request, req problemRequest) (store.Problem, error) {
	deadline, err := parseDay(req.Deadline)
	if err != nil {
		return store.Problem{}, err
	}
	if req.Source == "indicator" {
		p, ok := monitor.ParsePeriod(req.Period)
		if !ok {
			return store.Problem{}, invalid("bad.problemPeriod", req.Period)
		}
		d, err := s.loadMonitor(r.Context(), p.Year)
		if err != nil {
			return store.Problem{}, err
		}
		in := d.In
		in.Period = p
		red := false
		for _, row := range monitor.Compute(in) {
			if row.Unit == req.Unit && row.Indicator == req.Indicator {
				red = row.Light == monitor.Red
			}
		}
		if !red {
			return store.Problem{}, invalid("bad.problemNotRed", req.Unit, req.Indicator, p)
		}
		req.Period = p.String()
	}
	if err := s.checkLinkSource(r, req); err != nil {
		return store.Problem{}, err
	}
	return s.db.RaiseProblem(r.Context(), callerOf(r).actor(), store.Problem{Source: req.Source, SourceRef: req.SourceRef,
		Unit: req.Unit, Indicator: req.Indicator, Period: req.Period, Title: req.Title, Responsible: req.Responsible,
		Measures: req.Measures, Deadline: deadline, LinkZone: req.Zone, LinkYear: req.Year, LinkAction: req.Action,
		LinkProject: req.Project})
}
