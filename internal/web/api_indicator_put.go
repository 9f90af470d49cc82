package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// indicatorPut creates or updates catalogue entries (a JSON array) in one
// transaction. Administrators and analysts only: the catalogue decides
// which department provides what, so a department may not edit it.
func (s *Server) indicatorPut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindIndicator}, "indicators"); err != nil {
		return err
	}
	var in []indicatorJSON
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	is := make([]store.Indicator, len(in))
	for i, x := range in {
		is[i] = store.Indicator(x)
	}
	if err := s.db.PutIndicators(r.Context(), c.actor(), is); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"indicators": len(is)})
	return nil
}
