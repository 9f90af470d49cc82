package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// investScheduleLeader sets a signed project's 包抓 leader (a post, never
// a personal name) and leading department: the provincial office, or the
// project's county.
func (s *Server) investScheduleLeader(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, _, err := s.followupRecord(r, id, auth.Write); err != nil {
		return err
	}
	var req struct {
		Leader     string `json:"leader"`
		Department string `json:"department"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := s.db.PutFollowupLeader(r.Context(), callerOf(r).actor(), id, req.Leader, req.Department); err != nil {
		return err
	}
	return s.investFollowupGet(w, r)
}
