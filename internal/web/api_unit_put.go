package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// unitPut creates or updates units (a JSON array, parents before
// children) in one transaction. Administrators and analysts only.
func (s *Server) unitPut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindUnit}, "units"); err != nil {
		return err
	}
	var in []unitJSON
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	units := make([]store.Unit, len(in))
	for i, u := range in {
		from, err := parseDay(u.ValidFrom)
		if err != nil {
			return err
		}
		to, err := parseDay(u.ValidTo)
		if err != nil {
			return err
		}
		units[i] = store.Unit{Code: u.Code, Name: u.Name, Kind: store.UnitKind(u.Kind), Parent: u.Parent, Host: u.Host,
			ValidFrom: from, ValidTo: to}
	}
	if err := s.db.PutUnits(r.Context(), c.actor(), units); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"units": len(units)})
	return nil
}
