package web

import "net/http"

// runGet returns one run: method version, data revision, parameters, hash,
// state and visibility. See readableRun for who may read which.
func (s *Server) runGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, runOut(run))
	return nil
}
