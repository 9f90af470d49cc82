package web

import "net/http"

// periodList lists the periods the store knows (years, cumulative months).
// Public, like the catalogues.
func (s *Server) periodList(w http.ResponseWriter, r *http.Request) error {
	ps, err := s.db.Periods(r.Context())
	if err != nil {
		return err
	}
	type periodJSON struct {
		Code  string `json:"code"`
		Kind  string `json:"kind"`
		Year  int    `json:"year"`
		Month int    `json:"month,omitempty"`
		Label string `json:"label"`
	}
	out := make([]periodJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, periodJSON{p.Code, string(p.Kind), p.Year, p.Month, p.Label()})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
