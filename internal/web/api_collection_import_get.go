package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// collectionImportGet returns a held import with its findings: to the user
// who uploaded it and to the provincial office.
func (s *Server) collectionImportGet(w http.ResponseWriter, r *http.Request) error {
	p, err := s.heldImport(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, heldOut(p, langOf(r)))
	return nil
}

// heldImport loads the held import {id} for its uploader or the office.
func (s *Server) heldImport(r *http.Request) (store.PendingImport, error) {
	c := callerOf(r)
	if c.anonymous() {
		return store.PendingImport{}, deny(c, "read held imports")
	}
	id, err := pathID(r, "id")
	if err != nil {
		return store.PendingImport{}, err
	}
	p, err := s.db.PendingImportByID(r.Context(), id)
	if err != nil {
		return p, err
	}
	if p.Username != c.user.Username && !manages(c) {
		return p, deny(c, "another user's held import")
	}
	return p, nil
}
