package web

import (
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// monitorAdoptions lists the adoptions of collected figures (?year=,
// every year without it), newest first: which revision became which
// period's preliminary or final figures, when and by whom. The
// provincial office.
func (s *Server) monitorAdoptions(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "monitoring adoptions"); err != nil {
		return err
	}
	year := 0
	if q := r.URL.Query().Get("year"); q != "" {
		y, err := strconv.Atoi(q)
		if err != nil {
			return invalid("bad.year", q)
		}
		year = y
	}
	as, err := s.db.MonitorAdoptions(r.Context(), year)
	if err != nil {
		return err
	}
	out := make([]adoptionJSON, len(as))
	for i, a := range as {
		out[i] = adoptionOut(a)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
