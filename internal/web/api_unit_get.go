package web

import (
	"net/http"
)

// unitGet returns one unit with its prefecture and the code it goes by now
// after code changes (撤县设区, merges). Public.
func (s *Server) unitGet(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u, err := s.db.Unit(ctx, r.PathValue("code"))
	if err != nil {
		return err
	}
	pref, err := s.db.PrefectureOf(ctx, u.Code)
	if err != nil {
		return err
	}
	current, err := s.db.CurrentCode(ctx, u.Code)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, struct {
		unitJSON
		Prefecture  string `json:"prefecture"`
		CurrentCode string `json:"current_code"`
	}{unitOut(u), pref, current})
	return nil
}
