package web

import (
	"net/http"
	"time"
)

// runHistory returns a run's state changes, oldest first: who moved it from
// draft to review, notice, objections, approval and publication, and why.
func (s *Server) runHistory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.readableRun(r, id); err != nil {
		return err
	}
	hs, err := s.db.RunHistory(r.Context(), id)
	if err != nil {
		return err
	}
	type changeJSON struct {
		From     string    `json:"from"`
		To       string    `json:"to"`
		At       time.Time `json:"at"`
		Username string    `json:"username"`
		Note     string    `json:"note"`
	}
	out := make([]changeJSON, 0, len(hs))
	for _, h := range hs {
		out = append(out, changeJSON{string(h.From), string(h.To), h.At, h.Username, h.Note})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
