package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

type tasksRequest struct {
	Period     string   `json:"period"`
	Deadline   string   `json:"deadline"`
	Method     int64    `json:"method"`
	Indicators []string `json:"indicators"`
}

// collectionTaskCreate creates the tasks of a period, due on a deadline:
// for the indicators listed, or for every reported indicator of a method's
// catalogue (derived ones — per capita, ratios, growth — are computed, not
// collected). A task that exists gets the new deadline. Provincial office.
func (s *Server) collectionTaskCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := requireManager(c, "create collection tasks"); err != nil {
		return err
	}
	var req tasksRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	tasks, err := s.createTasks(r, req)
	if err != nil {
		return err
	}
	sup, err := s.db.Supply(r.Context(), tasks, s.now())
	if err != nil {
		return err
	}
	out := make([]taskJSON, len(sup))
	for i, t := range sup {
		out[i] = taskOut(t)
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// createTasks is the creation shared by the API and the page.
func (s *Server) createTasks(r *http.Request, req tasksRequest) ([]store.Task, error) {
	deadline, err := parseDay(req.Deadline)
	if err != nil {
		return nil, err
	}
	if deadline.IsZero() {
		return nil, invalid("bad.deadline")
	}
	inds := req.Indicators
	if len(inds) == 0 {
		if req.Method == 0 {
			return nil, invalid("bad.taskIndicators")
		}
		if inds, err = s.methodIndicators(r, req.Method); err != nil {
			return nil, err
		}
	}
	return s.db.PutTasks(r.Context(), callerOf(r).actor(), req.Period, deadline, req.Method, inds)
}

// methodIndicators lists the indicators a method reads that someone
// reports: those of its catalogue that are not derived from others.
func (s *Server) methodIndicators(r *http.Request, id int64) ([]string, error) {
	m, err := s.db.Method(r.Context(), id)
	if err != nil {
		return nil, err
	}
	parsed, err := method.Parse(m.Name, []byte(m.TOML))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, ind := range parsed.Indicators {
		switch ind.Source {
		case method.SourcePerCapita, method.SourceRatio, method.SourceGrowth:
			continue
		}
		out = append(out, ind.Code)
	}
	return out, nil
}
