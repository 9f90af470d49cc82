package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
)

// runsCreate computes a run from the form (method, period, note) on the
// latest data, stored in draft, and goes back to the list. Bad data or a
// bad method is an error page listing every problem.
func (s *Server) runsCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindRun, RunState: auth.StateDraft, Visibility: auth.VisNone}, "runs"); err != nil {
		return err
	}
	mid, err := strconv.ParseInt(r.PostFormValue("method"), 10, 64)
	if err != nil || mid <= 0 {
		return invalid("bad.method", r.PostFormValue("method"))
	}
	if _, err := s.db.Method(r.Context(), mid); err != nil {
		return err
	}
	run, err := evaluation.Compute(r.Context(), s.db, c.actor(), evaluation.ComputeRequest{MethodID: mid,
		Period: r.PostFormValue("period"), Note: r.PostFormValue("note")})
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/runs?created=%d", run.ID), http.StatusSeeOther)
	return nil
}
