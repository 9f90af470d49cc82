package web

import (
	"math"
	"net/http"
)

// runsCompare compares two runs (/runs/compare?a=&b=): every unit's score
// and rank in both and their differences, as far as the caller may read
// each run's rows.
func (s *Server) runsCompare(w http.ResponseWriter, r *http.Request) error {
	ida, erra := queryInt(r, "a")
	idb, errb := queryInt(r, "b")
	if erra != nil || errb != nil || ida == 0 || idb == 0 {
		return errorf(EInvalid, "web.compareTwo")
	}
	a, err := s.readableRun(r, ida)
	if err != nil {
		return err
	}
	b, err := s.readableRun(r, idb)
	if err != nil {
		return err
	}
	ra, err := s.overallRows(r, a)
	if err != nil {
		return err
	}
	rb, err := s.overallRows(r, b)
	if err != nil {
		return err
	}
	names, err := s.unitNameMap(r)
	if err != nil {
		return err
	}
	v := &compareView{A: a, B: b, Rows: newCompareRows(ra, rb, names)}
	for _, x := range v.Rows {
		if x.DRank != 0 && !math.IsNaN(x.DRank) {
			v.Moved++
		}
		if d := math.Abs(x.DScore); d > v.MaxDiff {
			v.MaxDiff = d
		}
	}
	s.render(w, r, http.StatusOK, "runs_compare", v)
	return nil
}
