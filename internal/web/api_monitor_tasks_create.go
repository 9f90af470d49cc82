package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

// monitorTasksCreate opens the collection tasks of a cumulative period
// (the provincial office): {"period": "2023-03", "deadline": "2023-04-15"}
// creates one task per monitoring code collected that month (the monthly
// indicators; at a quarter's end the quarterly ones too; each official
// growth beside its value), owned by the code's providing department, who
// uploads the figures with the ordinary checked import. 201 with the tasks
// and their supply.
func (s *Server) monitorTasksCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "monitoring collection tasks"); err != nil {
		return err
	}
	var req struct {
		Period   string `json:"period"`
		Deadline string `json:"deadline"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	out, err := s.openMonitorTasks(r, req.Period, req.Deadline)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// openMonitorTasks is the opening shared by the API and the page.
func (s *Server) openMonitorTasks(r *http.Request, period, deadline string) ([]taskJSON, error) {
	p, ok := monitor.ParsePeriod(period)
	if !ok {
		return nil, invalid("bad.period", period)
	}
	d, err := parseDay(deadline)
	if err != nil {
		return nil, err
	}
	if d.IsZero() {
		return nil, invalid("bad.deadline")
	}
	tasks, err := s.db.PutMonitorTasks(r.Context(), callerOf(r).actor(), p, d)
	if err != nil {
		return nil, err
	}
	sup, err := s.db.Supply(r.Context(), tasks, s.now())
	if err != nil {
		return nil, err
	}
	out := make([]taskJSON, len(sup))
	for i, t := range sup {
		out[i] = taskOut(t)
	}
	return out, nil
}
