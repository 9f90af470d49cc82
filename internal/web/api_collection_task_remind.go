package web

import (
	"net/http"
)

// collectionTaskRemind records a reminder about a task for its department:
// a notification shown on the department's /data and /collection pages and
// an audit row. Nothing is e-mailed: the system runs offline, on networks
// without mail. Provincial office.
func (s *Server) collectionTaskRemind(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := requireManager(c, "send reminders"); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Message string `json:"message"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	n, err := s.remind(r, id, req.Message)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, notificationOut(n))
	return nil
}
