package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// monitorEscalate escalates the problems open past their deadline (the
// provincial office; a daily job may call it): 市级督办 the day after the
// deadline, 省级督办 thirty days later.
func (s *Server) monitorEscalate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindProblem}, "escalation"); err != nil {
		return err
	}
	n, err := s.db.EscalateOverdue(r.Context(), c.actor(), time.Now())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"escalated": n})
	return nil
}
