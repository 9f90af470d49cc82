package web

import "net/http"

// collectionImportCancel drops a held import: nothing of it is written.
func (s *Server) collectionImportCancel(w http.ResponseWriter, r *http.Request) error {
	p, err := s.heldImport(r)
	if err != nil {
		return err
	}
	if err := s.db.CancelImport(r.Context(), callerOf(r).actor(), p.ID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
