package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

// monitorReleasesPut sets the release calendar (the provincial office):
// [{"period": "2023-06", "day": "2023-07-17"}].
func (s *Server) monitorReleasesPut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "release calendar"); err != nil {
		return err
	}
	var req []struct {
		Period string `json:"period"`
		Day    string `json:"day"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	rs := make([]store.Release, len(req))
	for i, x := range req {
		p, ok := monitor.ParsePeriod(x.Period)
		if !ok {
			return invalid("bad.releasePeriod", i+1, x.Period)
		}
		d, err := parseDay(x.Day)
		if err != nil {
			return err
		}
		rs[i] = store.Release{Year: p.Year, Month: p.Month, Day: d}
	}
	if err := s.db.PutMonitorReleases(r.Context(), c.actor(), rs); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"releases": len(rs)})
	return nil
}
