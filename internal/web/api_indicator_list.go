package web

import "net/http"

// indicatorList returns the indicator catalogue, or one providing
// department's part of it (?department=统计局). Public.
func (s *Server) indicatorList(w http.ResponseWriter, r *http.Request) error {
	is, err := s.db.Indicators(r.Context(), r.URL.Query().Get("department"))
	if err != nil {
		return err
	}
	out := make([]indicatorJSON, 0, len(is))
	for _, i := range is {
		out = append(out, indicatorOut(i))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
