package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// revisionList lists every change of the data, oldest first: who imported,
// corrected or confirmed what, and when. The provincial office only, as it
// names every department's and county's work.
func (s *Server) revisionList(w http.ResponseWriter, r *http.Request) error {
	if err := require(callerOf(r), auth.Read, auth.Resource{Kind: auth.KindObservation}, "revisions"); err != nil {
		return err
	}
	rs, err := s.db.Revisions(r.Context())
	if err != nil {
		return err
	}
	out := make([]revisionJSON, 0, len(rs))
	for _, x := range rs {
		out = append(out, revisionOut(x))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
