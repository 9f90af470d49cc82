package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
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
}

// monitorProblemCreate puts a problem on the list (the provincial office).
// A problem raised from an indicator must name a period whose monitoring
// table shows the unit's indicator red.
func (s *Server) monitorProblemCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	var req problemRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	res, err := s.unitResource(r.Context(), auth.KindProblem, req.Unit)
	if err != nil {
		return err
	}
	if err := require(c, auth.Write, res, "problem"); err != nil {
		return err
	}
	p, err := s.raiseProblem(r, req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, problemOut(p, time.Now()))
	return nil
}

// raiseProblem checks a red indicator's light and raises the problem.
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
	return s.db.RaiseProblem(r.Context(), callerOf(r).actor(), store.Problem{Source: req.Source, SourceRef: req.SourceRef,
		Unit: req.Unit, Indicator: req.Indicator, Period: req.Period, Title: req.Title, Responsible: req.Responsible,
		Measures: req.Measures, Deadline: deadline})
}
