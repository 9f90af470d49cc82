package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

type typesRequest struct {
	Year  int      `json:"year"`
	Types []string `json:"types"`
}

// unitTypes records a county's declared types (primary first) from a year
// on; they stay in force until it declares others (store.Declare), so a new
// year is evaluated with the types in force. Administrators and analysts
// only, like every change of the catalogue.
func (s *Server) unitTypes(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindUnit}, "units"); err != nil {
		return err
	}
	code := r.PathValue("code")
	if _, err := s.db.Unit(r.Context(), code); err != nil {
		return err
	}
	var req typesRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := s.db.Declare(r.Context(), c.actor(), code, "type", req.Year, req.Types); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"unit": code, "year": req.Year, "types": req.Types})
	return nil
}
