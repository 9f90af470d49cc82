package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// revisionGet returns one revision; as revisionList, for the provincial
// office.
func (s *Server) revisionGet(w http.ResponseWriter, r *http.Request) error {
	if err := require(callerOf(r), auth.Read, auth.Resource{Kind: auth.KindObservation}, "revisions"); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rev, err := s.db.Revision(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, revisionOut(rev))
	return nil
}
