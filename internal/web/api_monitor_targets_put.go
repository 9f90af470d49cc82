package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

type monitorTargetsRequest struct {
	Reason      string `json:"reason"`      // why existing targets are revised
	Explanation string `json:"explanation"` // why decomposed targets may fall short of the whole
	Targets     []struct {
		Year      int     `json:"year"`
		Unit      string  `json:"unit"`
		Indicator string  `json:"indicator"`
		Target    float64 `json:"target"`
		Kind      string  `json:"kind"`
	} `json:"targets"`
}

// monitorTargetsPut sets year-start targets (the provincial office). A
// revision needs a reason; targets whose decomposition falls short of the
// whole are refused, each shortfall explained, unless an explanation is
// given. The answer lists the shortfalls accepted with it.
func (s *Server) monitorTargetsPut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "monitoring targets"); err != nil {
		return err
	}
	var req monitorTargetsRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	ts := make([]monitor.Target, len(req.Targets))
	for i, t := range req.Targets {
		ts[i] = monitor.Target{Year: t.Year, Unit: t.Unit, Indicator: t.Indicator, Value: t.Target, Kind: monitor.Kind(t.Kind)}
	}
	short, err := s.db.PutMonitorTargets(r.Context(), c.actor(), ts, req.Reason, req.Explanation)
	if err != nil {
		return err
	}
	msgs := make([]string, len(short))
	for i, sf := range short {
		msgs[i] = sf.Message(string(langOf(r)))
	}
	writeJSON(w, http.StatusOK, map[string]any{"targets": len(ts), "shortfalls": msgs})
	return nil
}
