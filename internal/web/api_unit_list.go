package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// unitList lists units, optionally of one kind (?kind=county), under one
// parent (?parent=620100) or hosted by one unit (?host=). Public.
func (s *Server) unitList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := store.UnitFilter{Kind: store.UnitKind(q.Get("kind")), Parent: q.Get("parent"), Host: q.Get("host")}
	switch f.Kind {
	case "", store.UnitProvince, store.UnitPrefecture, store.UnitCounty, store.UnitZone, store.UnitSubpark:
	default:
		return invalid("bad.unitKind", f.Kind)
	}
	units, err := s.db.Units(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]unitJSON, 0, len(units))
	for _, u := range units {
		out = append(out, unitOut(u))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
