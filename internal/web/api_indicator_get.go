package web

import "net/http"

// indicatorGet returns one entry of the catalogue with its definition
// (指标解释) and providing department. Public.
func (s *Server) indicatorGet(w http.ResponseWriter, r *http.Request) error {
	i, err := s.db.Indicator(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, indicatorOut(i))
	return nil
}
