package web

import (
	"math"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

type monitorFiguresRequest struct {
	Stage   string `json:"stage"` // preliminary or final
	Figures []struct {
		Period    string   `json:"period"`
		Unit      string   `json:"unit"`
		Indicator string   `json:"indicator"`
		Value     *float64 `json:"value"`
		Growth    *float64 `json:"growth"`
	} `json:"figures"`
}

// monitorFiguresPut stores cumulative figures of one stage (the provincial
// office, as the statistics bureau hands them over); each period and
// indicator given replaces that stage's figures of it.
func (s *Server) monitorFiguresPut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "monitoring figures"); err != nil {
		return err
	}
	var req monitorFiguresRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	figs := make([]monitor.Figure, len(req.Figures))
	for i, f := range req.Figures {
		p, ok := monitor.ParsePeriod(f.Period)
		if !ok {
			return invalid("bad.figurePeriod", i+1, f.Period)
		}
		figs[i] = monitor.Figure{Unit: f.Unit, Indicator: f.Indicator, Period: p, Value: numOr(f.Value), Growth: numOr(f.Growth)}
	}
	if err := s.db.PutMonitorFigures(r.Context(), c.actor(), req.Stage, figs); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"figures": len(figs), "stage": req.Stage})
	return nil
}

func numOr(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}
