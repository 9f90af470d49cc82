package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// importQueueGet shows the import queue: its slots and length, and the
// caller's own imports with their state (queued with a position, reading,
// checking); an administrator sees everyone's. An uploader whose request
// is waiting asks this from another connection to see where it stands.
func (s *Server) importQueueGet(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	user := c.user.Username
	if auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindSystem}) {
		user = ""
	}
	writeJSON(w, http.StatusOK, s.importSnapshot(user))
	return nil
}
