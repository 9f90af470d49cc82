package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// countyGet is the county profile (/counties/{code}?run=): the unit's
// scores per area against its type's average, every indicator with its
// raw value, score and rank among its peers, its rank history, why its
// rank changed since the previous run, its strengths and weaknesses, what
// it would take to reach the top 10 (or the next place), and its rank
// interval from the robustness analysis. Everything is shown as far as the
// caller may read the unit's row of the run (auth.Can on its result).
func (s *Server) countyGet(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	unit, err := s.db.Unit(r.Context(), code)
	if err != nil {
		return err
	}
	if unit.Kind != store.UnitCounty && unit.Kind != store.UnitZone {
		return notFound("county " + code)
	}
	v, err := s.buildCounty(r, unit)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "county", v)
	return nil
}
